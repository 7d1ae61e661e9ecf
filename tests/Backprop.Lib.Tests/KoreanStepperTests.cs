using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Backprop.Tests;

namespace Backprop.Lib.Tests;

/// <summary>
/// The stepper of the Korean edition: its words travel in the page's JSON in the culture of the moment, and the
/// page, driven in headless Chromium, captions a graph whose nodes have Korean names (사과, 사과 개수, 소비세) in Korean.
/// </summary>
public sealed class KoreanStepperTests
{
    // Clicks 다음 ▶ through every step, then types 150 for 사과 and goes to the end; the results as JSON in a <pre>.
    private const string Driver = """
        <script>
        (function () {
          var r = document.querySelector('.bp-stepper'), next = r.querySelector('.bp-next');
          function state() {
            return { caption: r.querySelector('.bp-caption').textContent, counter: r.querySelector('.bp-counter').textContent };
          }
          var result = { buttons: Array.prototype.map.call(r.querySelectorAll('.bp-controls button'), function (b) { return b.textContent + ' | ' + b.title; }),
                         reset: r.querySelector('.bp-reset').textContent, walk: [state()] };
          while (!next.disabled) { next.click(); result.walk.push(state()); }
          var apple = Array.prototype.filter.call(r.querySelectorAll('.bp-inputs input'), function (f) {
            return f.parentNode.firstChild.nodeValue.trim() === '사과'; })[0];
          apple.value = '150';
          apple.dispatchEvent(new Event('input', { bubbles: true }));
          result.total = r.querySelector('[data-out] text.fwd').lastChild.nodeValue;
          result.edited = state();
          var pre = document.createElement('pre');
          pre.id = 'results';
          pre.textContent = JSON.stringify(result);
          document.body.appendChild(pre);
        })();
        </script>
        """;

    [Fact]
    public void Export_CarriesTheWordsInTheCultureOfTheMoment()
    {
        var shop = KoreanShop();

        using var korean = JsonDocument.Parse(UiCulture.Run("ko", () => GraphExport.ToJson(shop)));
        using var english = JsonDocument.Parse(UiCulture.Run("en", () => GraphExport.ToJson(shop)));

        JsonElement ko = korean.RootElement.GetProperty("text"), en = english.RootElement.GetProperty("text");
        Assert.Equal("다음 ▶", ko.GetProperty("next").GetString());
        Assert.Equal("next ▶", en.GetProperty("next").GetString());
        Assert.All(ko.EnumerateObject(), p => Assert.True(UiCulture.HasHangul(p.Value.GetString()!), $"{p.Name}: {p.Value}"));
        Assert.Equal(ko.EnumerateObject().Select(p => p.Name), en.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void ToString_IsKoreanInKorean()
    {
        var stepper = KoreanShop().Stepper();

        Assert.Equal("GraphStepper: 순전파 연산 2개, 지불 금액에서 역전파 (HTML로 보면 그래프를 한 단계씩 따라갑니다)", UiCulture.Run("ko", stepper.ToString));
        Assert.Contains("2 operations forward, backward from 지불 금액", UiCulture.Run("en", stepper.ToString));
    }

    [SkippableFact]
    public void InChromium_TheKoreanShop_IsCaptionedInKorean_AndApplesAt150Cost330()
    {
        string html = UiCulture.Run("ko", () => KoreanShop().Stepper().ToHtml());
        string folder = Path.Combine(Path.GetTempPath(), "bp-ko-stepper-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        string page = Path.Combine(folder, "stepper.html");
        File.WriteAllText(page, $"<!doctype html><html><head><meta charset=\"utf-8\"></head><body>{html}{Driver}</body></html>");

        string dom = HeadlessChromium.DumpDom(page);

        var match = Regex.Match(dom, "<pre id=\"results\">(.*?)</pre>", RegexOptions.Singleline);
        Assert.True(match.Success, "the driver did not finish");
        using var json = JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(match.Groups[1].Value));
        var r = json.RootElement;
        string[] captions = r.GetProperty("walk").EnumerateArray().Select(s => s.GetProperty("caption").GetString()!).ToArray();
        string[] counters = r.GetProperty("walk").EnumerateArray().Select(s => s.GetProperty("counter").GetString()!).ToArray();

        Assert.Equal(["« 처음 | 처음으로 (Home)", "◀ 이전 | 이전 단계 (←)", "다음 ▶ | 다음 단계 (→)", "끝 » | 끝으로 (End)"],
            r.GetProperty("buttons").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal("되돌리기", r.GetProperty("reset").GetString());
        Assert.Equal("순전파: 왼쪽에서 입력이 들어옵니다. 사과 = 100, 사과 개수 = 2, 소비세 = 1.1", captions[0]);
        Assert.Equal("× 노드 (사과 가격): 사과 × 사과 개수 = 100 × 2 = 200", captions[1]);
        Assert.Equal("역전파는 지불 금액에서 시작합니다: ∂(지불 금액)/∂(지불 금액) = 1", captions[3]);
        Assert.Equal("× 노드 (사과 가격): ∂(사과 가격)/∂사과 = 사과 개수 = 2; 1.1 × 2 = 2.2", captions[6]);
        Assert.Equal("끝: ∂(지불 금액)/∂사과 = 2.2, ∂(지불 금액)/∂(사과 개수) = 110, ∂(지불 금액)/∂소비세 = 200", captions[^1]);
        Assert.Equal(["시작 · 8단계 중 0단계", "순전파 · 8단계 중 1단계"], counters[..2]);
        Assert.Equal("끝 · 8단계 중 8단계", counters[^1]);
        Assert.All(captions.Concat(counters), c => Assert.DoesNotMatch("node|Forward|Backward|step|Done|enter", c));
        Assert.Equal("330", r.GetProperty("total").GetString());
        Assert.Contains("∂(지불 금액)/∂소비세 = 300", r.GetProperty("edited").GetProperty("caption").GetString());
        Directory.Delete(folder, recursive: true);
    }

    [SkippableFact]
    public void InChromium_AValueUsedTwice_CollectsItsGradientsInKorean()
    {
        var g = new ComputationalGraph();
        var apple = g.Input("사과", 100);
        g.Backward(g.Add(apple, apple, "두 배"));
        string html = UiCulture.Run("ko", () => g.Stepper().ToHtml());
        string folder = Path.Combine(Path.GetTempPath(), "bp-ko-twice-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        string page = Path.Combine(folder, "stepper.html");
        File.WriteAllText(page, $"<!doctype html><html><head><meta charset=\"utf-8\"></head><body>{html}{Driver}</body></html>");

        string dom = HeadlessChromium.DumpDom(page);

        Assert.Contains("사과의 기울기 2개 중 1번째", dom);
        Assert.Contains("사과에는 기울기 2개가 모여 더해집니다: 1 + 1 = 2", dom);
        Directory.Delete(folder, recursive: true);
    }

    private static ComputationalGraph KoreanShop()
    {
        var g = new ComputationalGraph();
        var price = g.Mul(g.Mul(g.Input("사과", 100), g.Input("사과 개수", 2), "사과 가격"), g.Input("소비세", 1.1), "지불 금액");
        g.Backward(price);
        return g;
    }
}
