using System.Collections.Generic;

namespace Backprop.Display.Texts;

/// <summary>
/// The exercise checks' shared words (§5.4–§5.7): the headline, the "not done yet" and score sentences, the shown
/// titles of the exercises. Each check's own hints sit beside their English in the check, through <see cref="Localized.Pick"/>.
/// </summary>
/// <remarks>The grader reads data-exercise and data-state, so those stay English; only what a reader sees changes.</remarks>
internal static class CheckTexts
{
    public static readonly Phrase Passed = new("passed", "통과");

    public static readonly Phrase NotDone = new("not done yet", "아직 풀지 않음");

    public static readonly Phrase Failed = new("failed", "실패");

    public static readonly Phrase Score = new("{passed} of {parts} parts pass.", "{parts}개 중 {passed}개 통과.");

    public static readonly Phrase NothingWritten = new("Not done yet: {todo}, then run this cell again.", "아직 풀지 않음: {todo}. 그다음 이 셀을 다시 실행하세요.");

    public static readonly Phrase PartlyWritten = new(
        "Not done yet: {parts} still throw NotImplementedException; the rest passes.",
        "아직 풀지 않음: {parts}에서 아직 NotImplementedException이 발생합니다. 나머지는 통과합니다.");

    /// <summary>The "not done yet" task of a layer: its two methods still throw.</summary>
    public static readonly Phrase WriteForwardBackward = new(
        "write {name}'s Forward and Backward (they still throw NotImplementedException)",
        "{name}의 Forward와 Backward를 작성하세요 (아직 NotImplementedException을 던집니다)");

    /// <summary>The "not done yet" task of a function or method.</summary>
    public static readonly Phrase WriteIt = new("write {name} (it still throws NotImplementedException)", "{name}의 본문을 작성하세요 (아직 NotImplementedException을 던집니다)");

    public static readonly Phrase LeavesInputs = new("leaves x and dout alone", "x와 dout을 바꾸지 않음");

    public static readonly Phrase YourClass = new("your class", "여러분의 클래스");

    public static readonly Phrase YourCode = new("your code", "이 코드");

    public static readonly Phrase WriteTheCode = new("write the code above", "위의 코드를 작성하세요");

    public static readonly Phrase Runs = new("runs", "실행");

    public static readonly Phrase Reused = new("{exercise}, reused", "{exercise}, 재사용");

    /// <summary>The exercises whose shown title is a phrase, not a class name; the others (Relu, Affine, ...) read the same in both.</summary>
    public static readonly IReadOnlyDictionary<string, Phrase> Titles = new Dictionary<string, Phrase>
    {
        ["Apple shop by hand"] = new("Apple shop by hand", "사과 쇼핑, 손으로 계산하기"),
        ["SGD update"] = new("SGD update", "SGD 갱신"),
        ["Training loop"] = new("Training loop", "학습 루프"),
    };

    /// <summary>What the headline calls an exercise: "Relu", "학습 루프", "Relu, 재사용".</summary>
    public static string Title(string exercise)
    {
        const string reused = ", reused";
        if (exercise.EndsWith(reused, System.StringComparison.Ordinal))
        {
            return Reused.Fill(("exercise", Title(exercise[..^reused.Length])));
        }

        return Titles.TryGetValue(exercise, out var title) ? title.ToString() : exercise;
    }
}
