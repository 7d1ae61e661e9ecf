namespace Backprop.Display.Texts;

/// <summary>The default axis titles and legend names of <see cref="Chart"/>'s learning curves (§5.6.3, §5.7.4).</summary>
/// <remarks>Read when the chart is made, in the cell that shows it; a title passed by the lesson wins.</remarks>
internal static class ChartTexts
{
    public static readonly Phrase Iteration = new("iteration", "반복 횟수");

    public static readonly Phrase Loss = new("loss", "손실");

    public static readonly Phrase Epoch = new("epoch", "에폭");

    public static readonly Phrase Accuracy = new("accuracy", "정확도");

    public static readonly Phrase Train = new("train", "훈련 데이터");

    public static readonly Phrase Test = new("test", "시험 데이터");

    public static readonly Phrase Class = new("class", "클래스");

    public static readonly Phrase OutputTargetGradient = new("y, t and y − t", "y, t와 y − t");
}
