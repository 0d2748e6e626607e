using SaaSMdm.Contracts;

namespace SaaSMdm.Rpc.Tests;

public sealed class CallerTextTests
{
    [Theory]
    [InlineData("short", "short")]
    [InlineData("tab\there\r\nnul\0", "tab here  nul ")]
    [InlineData("next\u0085line\u007f", "next line ")]
    public void Text_within_the_bound_is_kept_with_control_characters_as_spaces(string text, string expected) =>
        Assert.Equal(expected, CallerText.Shorten(text));

    [Fact]
    public void Longer_text_is_cut_at_the_bound_and_marked()
    {
        var text = new string('a', CallerText.MaxQuoteLength) + "\nrest";

        Assert.Equal(new string('a', CallerText.MaxQuoteLength) + "…", CallerText.Shorten(text));
        Assert.Equal("abc…", CallerText.Shorten("abcdef", 3));
        Assert.Equal(CallerText.MaxReasonLength + 1, CallerText.Shorten(new string('r', 1000), CallerText.MaxReasonLength).Length);
    }

    [Fact]
    public void A_surrogate_pair_at_the_bound_is_not_split()
    {
        var shortened = CallerText.Shorten("ab\U0001F600cd", 3);

        Assert.Equal("ab…", shortened);
    }
}
