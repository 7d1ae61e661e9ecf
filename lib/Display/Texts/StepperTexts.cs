using System.Collections.Generic;

namespace Backprop.Display.Texts;

/// <summary>
/// The graph stepper's words (§5.1–5.5): buttons, counter, phases and caption templates. They travel in the page's
/// JSON in the current UI culture; the page's script only fills the <c>{placeholders}</c>.
/// </summary>
internal static class StepperTexts
{
    /// <summary>Every text the page uses, by the key stepper.js and graph-steps.js read.</summary>
    public static readonly IReadOnlyDictionary<string, Phrase> All = new Dictionary<string, Phrase>
    {
        ["start"] = new("« start", "« 처음"),
        ["back"] = new("◀ back", "◀ 이전"),
        ["next"] = new("next ▶", "다음 ▶"),
        ["end"] = new("end »", "끝 »"),
        ["startTip"] = new("start (Home)", "처음으로 (Home)"),
        ["backTip"] = new("back (←)", "이전 단계 (←)"),
        ["nextTip"] = new("next (→)", "다음 단계 (→)"),
        ["endTip"] = new("end (End)", "끝으로 (End)"),
        ["reset"] = new("reset", "되돌리기"),
        ["counter"] = new("{phase} · step {step} of {steps}", "{phase} · {steps}단계 중 {step}단계"),
        ["phaseStart"] = new("start", "시작"),
        ["phaseForward"] = new("forward", "순전파"),
        ["phaseBackward"] = new("backward", "역전파"),
        ["phaseDone"] = new("done", "끝"),
        ["node"] = new("{symbol} node", "{symbol} 노드"),
        ["inputsEnter"] = new("Forward: the inputs {inputs} enter from the left.", "순전파: 왼쪽에서 입력이 들어옵니다. {inputs}"),
        ["seedOne"] = new("Backward starts at {name}: {d} = 1", "역전파는 {name}에서 시작합니다: {d} = 1"),
        ["seedGiven"] = new(
            "Backward starts at {name} with the gradient {seed}, given to Backward",
            "역전파는 {name}에서 시작합니다: 처음 기울기 {seed}, Backward에 넘겨준 값"),
        ["arrival"] = new("{name} gets gradient {arrival} of {total}", "{name}의 기울기 {total}개 중 {arrival}번째"),
        ["collects"] = new(
            "{name} was used {total} times and collects {parts} = {sum}",
            "{name}에는 기울기 {total}개가 모여 더해집니다: {parts} = {sum}"),
        ["done"] = new("Done: {grads}", "끝: {grads}"),
        ["fixedOps"] = new(
            "The inputs are fixed here: the page cannot recompute every node of this graph.",
            "여기서는 입력을 바꿀 수 없습니다: 이 페이지는 이 그래프의 모든 노드를 다시 계산하지 못합니다."),
        ["fixedSeed"] = new(
            "The inputs are fixed here: the gradient entering {name} was given to Backward from outside the graph.",
            "여기서는 입력을 바꿀 수 없습니다: {name}에 들어오는 기울기는 그래프 밖에서 Backward에 넘겨준 값입니다."),
    };

    /// <summary>The C# side's own summary line (GraphStepper.ToString).</summary>
    public static readonly Phrase Summary = new(
        "GraphStepper: {operations} operations forward, {backward} (shown as HTML, it steps through the graph)",
        "GraphStepper: 순전파 연산 {operations}개, {backward} (HTML로 보면 그래프를 한 단계씩 따라갑니다)");

    /// <summary>The summary line of the Affine graph's stepper (§5.6).</summary>
    public static readonly Phrase AffineSummary = new(
        "GraphStepper of {graph}: 2 operations forward, backward from Y (shown as HTML, it steps through the graph)",
        "GraphStepper ({graph}): 순전파 연산 2개, Y에서 역전파 (HTML로 보면 그래프를 한 단계씩 따라갑니다)");

    public static readonly Phrase NoBackward = new("no backward pass yet", "아직 역전파 전");

    public static readonly Phrase BackwardFrom = new("backward from {output}", "{output}에서 역전파");
}
