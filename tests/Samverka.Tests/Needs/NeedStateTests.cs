using Samverka.Features.Needs;

namespace Samverka.Tests.Needs;

/// Publishing and closing a need: what each requires and what it sets, state by state (no database).
public sealed class NeedStateTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTime Earlier = Now.AddDays(-20);

    // open (publishing, or saving an open need), closing day relative to today → the problem
    [Theory]
    [InlineData(true, -1, "Needs.ClosesPast")]
    [InlineData(true, 0, null)]
    [InlineData(true, 30, null)]
    [InlineData(false, -1, null)] // a draft may keep a passed date until it is published
    public void An_open_need_closes_today_or_later(bool open, int days, string? problem) =>
        Assert.Equal(problem, Need.ClosingProblem(open, Today.AddDays(days), Today));

    // from, opened now, published at
    [Theory]
    [InlineData(NeedStatus.Draft, true)]
    [InlineData(NeedStatus.Closed, true)]
    [InlineData(NeedStatus.Open, false)]
    public void Publishing_opens_the_need_and_dates_it_once(NeedStatus from, bool opens)
    {
        var need = new Need { Status = from, Closes = Today.AddDays(30), PublishedAt = from == NeedStatus.Open ? Earlier : null };
        Assert.Equal(opens, need.Publish(Now, Today));
        Assert.Equal(NeedStatus.Open, need.Status);
        Assert.Equal(opens ? Now : Earlier, need.PublishedAt);
        Assert.Equal(Now, need.UpdatedAt);
    }

    [Fact]
    public void A_need_past_its_closing_day_is_not_published()
    {
        var need = new Need { Status = NeedStatus.Draft, Closes = Today.AddDays(-1) };
        Assert.Throws<InvalidOperationException>(() => need.Publish(Now, Today));
        Assert.Equal(NeedStatus.Draft, need.Status);
        Assert.Null(need.PublishedAt);
    }

    // from, were followers to hear of it
    [Theory]
    [InlineData(NeedStatus.Open, true)]
    [InlineData(NeedStatus.Draft, false)]
    [InlineData(NeedStatus.Closed, false)]
    public void Closing_ends_the_need_and_says_whether_it_was_open(NeedStatus from, bool wasOpen)
    {
        var need = new Need { Status = from, Closes = Today.AddDays(30), PublishedAt = Earlier };
        Assert.Equal(wasOpen, need.Close(Now));
        Assert.Equal(NeedStatus.Closed, need.Status);
        Assert.Equal(Now, need.UpdatedAt);
        Assert.Equal(Earlier, need.PublishedAt);
        Assert.False(need.IsOpenOn(Today));
    }
}
