using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using static Backprop.Notebooks.Tests.DrivenPages;

namespace Backprop.Notebooks.Tests;

/// <summary>Every stepper in lessons 1, 2 and 4, published and driven in headless Chromium, against the library's numbers.</summary>
public sealed class LessonStepperPageTests
{
    public static TheoryData<string> Lessons => new() { "01", "02", "04" };

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task EveryLessonGraph_IsReproducedByThePage(string lesson)
    {
        JsonElement page = await (lesson switch { "01" => Lesson1, "02" => Lesson2, _ => Lesson4 }).Value;

        Assert.NotEmpty(page.EnumerateArray());
        foreach (JsonElement stepper in page.EnumerateArray())
        {
            Assert.True(stepper.GetProperty("ready").GetBoolean());
            var published = Labels(stepper, "published");
            var replayed = Labels(stepper, "replayed");
            Assert.Equal(published.Select(l => l.Text), replayed.Select(l => l.Text));
            // JavaScript's Math.exp may differ from .NET's Math.Exp in the last bit; +, ×, 1/x never do.
            foreach (var (library, js) in published.Zip(replayed))
            {
                double a = double.Parse(library.Full, CultureInfo.InvariantCulture), b = double.Parse(js.Full, CultureInfo.InvariantCulture);
                Assert.True(a == b || Math.Abs(a - b) <= 4e-16 * Math.Abs(a), $"{library.At} {library.Kind}: library {library.Full}, page {js.Full}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task EveryLessonStepper_EndsOnTheWholeStaticFigure(string lesson)
    {
        JsonElement page = await (lesson switch { "01" => Lesson1, "02" => Lesson2, _ => Lesson4 }).Value;

        foreach (JsonElement stepper in page.EnumerateArray())
        {
            var end = stepper.GetProperty("walk").EnumerateArray().Last();
            Assert.DoesNotContain(end.GetProperty("labels").EnumerateArray(), l => l.GetProperty("hidden").GetBoolean());
            Assert.StartsWith("Done: ", Caption(end));
        }
    }

}
