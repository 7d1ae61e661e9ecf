namespace Backprop.Lessons.Tests;

/// <summary>Lesson 1's Korean twin, kept in step with it.</summary>
[Collection(LessonsCollection.Name)]
public sealed class KoreanComputationalGraphLessonTests(KoreanFixture<ComputationalGraphLessonFacts> editions)
    : EditionFacts<ComputationalGraphLessonFacts>(editions), IClassFixture<KoreanFixture<ComputationalGraphLessonFacts>>;

/// <summary>Lesson 2's Korean twin.</summary>
[Collection(LessonsCollection.Name)]
public sealed class KoreanActivationLayersLessonTests(KoreanFixture<ActivationLayersLessonFacts> editions)
    : EditionFacts<ActivationLayersLessonFacts>(editions), IClassFixture<KoreanFixture<ActivationLayersLessonFacts>>;

/// <summary>Lesson 3's Korean twin.</summary>
[Collection(LessonsCollection.Name)]
public sealed class KoreanAffineShapesLessonTests(KoreanFixture<AffineShapesLessonFacts> editions)
    : EditionFacts<AffineShapesLessonFacts>(editions), IClassFixture<KoreanFixture<AffineShapesLessonFacts>>;

/// <summary>Lesson 4's Korean twin.</summary>
[Collection(LessonsCollection.Name)]
public sealed class KoreanSoftmaxWithLossLessonTests(KoreanFixture<SoftmaxWithLossLessonFacts> editions)
    : EditionFacts<SoftmaxWithLossLessonFacts>(editions), IClassFixture<KoreanFixture<SoftmaxWithLossLessonFacts>>;

/// <summary>Lesson 5's Korean twin.</summary>
[Collection(LessonsCollection.Name)]
public sealed class KoreanTwoLayerNetLessonTests(KoreanFixture<TwoLayerNetLessonFacts> editions)
    : EditionFacts<TwoLayerNetLessonFacts>(editions), IClassFixture<KoreanFixture<TwoLayerNetLessonFacts>>;

/// <summary>Lesson 6's Korean twin.</summary>
[Collection(LessonsCollection.Name)]
public sealed class KoreanTrainingMnistLessonTests(KoreanFixture<TrainingMnistLessonFacts> editions)
    : EditionFacts<TrainingMnistLessonFacts>(editions), IClassFixture<KoreanFixture<TrainingMnistLessonFacts>>;
