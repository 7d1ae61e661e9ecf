using System.Collections.Generic;

namespace Backprop.Display.Texts;

/// <summary>
/// The captions of the Affine graph's stepper (§5.6, Figures 5-25/5-27): the book's formula, the shapes it multiplies
/// and, where they fit, the entries. They travel in the page's JSON beside <see cref="StepperTexts"/>.
/// </summary>
internal static class MatrixStepperTexts
{
    /// <summary>Every caption template, by the key matrix-steps.js reads.</summary>
    public static readonly IReadOnlyDictionary<string, Phrase> All = new Dictionary<string, Phrase>
    {
        ["start"] = new("Forward: the inputs {x}, {w} and {b} enter from the left.", "순전파: 왼쪽에서 입력 {x}, {w}, {b}가 들어옵니다."),
        ["rowsOne"] = new("1 row", "1행"),
        ["rowsMany"] = new("{n} rows", "{n}행"),
        ["dot"] = new("dot node: X · W, {x} · {w} = {out}{entries}", "dot 노드: X · W, {x} · {w} = {out}{entries}"),
        ["plus"] = new(
            "+ node: Y = X·W + B, {xw} + {b} = {out}, B is added to every row ({rows}){entries}",
            "+ 노드: Y = X·W + B, {xw} + {b} = {out}, B를 모든 행({rows})에 더합니다{entries}"),
        ["seed"] = new(
            "Backward starts at Y: ∂L/∂Y {out} comes from the next layer{entries}",
            "역전파는 Y에서 시작합니다: ∂L/∂Y {out}는 다음 계층에서 옵니다{entries}"),
        ["plusToDot"] = new("+ node: ∂L/∂(X·W) = ∂L/∂Y, passed on unchanged, {out}", "+ 노드: ∂L/∂(X·W) = ∂L/∂Y, 그대로 흘려보냅니다, {out}"),
        ["plusToB"] = new(
            "+ node: ∂L/∂B = sum of ∂L/∂Y over the batch axis ({rows}), {dy} → {out}{entries}",
            "+ 노드: ∂L/∂B = ∂L/∂Y를 배치 방향({rows})으로 더한 값, {dy} → {out}{entries}"),
        ["dotToX"] = new(
            "dot node: ∂L/∂X = ∂L/∂Y · Wᵀ, {dy} · {wt} = {out}, the shape of X{entries}",
            "dot 노드: ∂L/∂X = ∂L/∂Y · Wᵀ, {dy} · {wt} = {out}, X와 같은 형상{entries}"),
        ["dotToW"] = new(
            "dot node: ∂L/∂W = Xᵀ · ∂L/∂Y, {xt} · {dy} = {out}, the shape of W{entries}",
            "dot 노드: ∂L/∂W = Xᵀ · ∂L/∂Y, {xt} · {dy} = {out}, W와 같은 형상{entries}"),
        ["done"] = new(
            "Done: ∂L/∂X {dx}, ∂L/∂W {dw}, ∂L/∂B {db}: each gradient has the shape of its variable.",
            "끝: ∂L/∂X {dx}, ∂L/∂W {dw}, ∂L/∂B {db}: 각 기울기는 그 변수와 형상이 같습니다."),
    };
}
