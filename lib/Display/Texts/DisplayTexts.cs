namespace Backprop.Display.Texts;

/// <summary>The captions of the display helpers: a matrix's shape, a grid of digits, a graph's step table (§5.1–§5.7).</summary>
internal static class DisplayTexts
{
    public static readonly Phrase Vector = new("vector of length {length}", "길이 {length}인 벡터");

    public static readonly Phrase Matrix = new("{rows}×{columns} matrix", "{rows}×{columns} 행렬");

    public static readonly Phrase Mask = new("{rows}×{columns} mask", "{rows}×{columns} 마스크");

    public static readonly Phrase Digits = new("{count} digits ({side}×{side})", "숫자 {count}개 ({side}×{side})");

    public static readonly Phrase OneDigit = new("1 digit ({side}×{side})", "숫자 1개 ({side}×{side})");

    public static readonly Phrase Digit = new("digit {index}", "숫자 {index}");

    public static readonly Phrase Misclassified = new("{count} misclassified", "{count}개 틀림");

    public static readonly Phrase Predicted = new("pred {digit}", "예측 {digit}");

    public static readonly Phrase StepsTitle = new("Forward and backward, step by step", "순전파와 역전파, 단계별로");

    public static readonly Phrase Step = new("step", "단계");

    public static readonly Phrase Node = new("node", "노드");

    public static readonly Phrase Inputs = new("inputs", "입력");

    public static readonly Phrase Forward = new("forward", "순전파");

    public static readonly Phrase LocalDerivative = new("local derivative", "국소적 미분");

    public static readonly Phrase Grad = new("grad", "기울기");

    public static readonly Phrase SumOfRows = new("dB = Σ rows of dY", "dB = dY의 행을 모두 더한 것");
}
