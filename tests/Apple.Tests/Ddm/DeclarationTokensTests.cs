using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using SaaSMdm.Apple.Ddm;

namespace SaaSMdm.Apple.Tests.Ddm;

public sealed class DeclarationTokensTests
{
    private const string Type = "com.apple.configuration.management.test";

    private static readonly Arbitrary<DeclarationItem[]> DistinctItems = ArbMap.Default.ArbFor<(NonEmptyString Identifier, NonEmptyString Token)[]>()
        .Convert(
            pairs => pairs.DistinctBy(pair => pair.Identifier.Get, StringComparer.Ordinal).Select(pair => new DeclarationItem(pair.Identifier.Get, pair.Token.Get)).ToArray(),
            items => items.Select(item => (NonEmptyString.NewNonEmptyString(item.Identifier), NonEmptyString.NewNonEmptyString(item.ServerToken))).ToArray());

    private static readonly Arbitrary<(string Key, int Value)[]> DistinctMembers = ArbMap.Default.ArbFor<(NonEmptyString Key, int Value)[]>()
        .Convert(
            members => members.DistinctBy(member => member.Key.Get, StringComparer.Ordinal).Select(member => (Key: member.Key.Get, member.Value)).ToArray(),
            members => members.Select(member => (NonEmptyString.NewNonEmptyString(member.Key), member.Value)).ToArray());

    [Fact]
    public void Declarations_token_ignores_the_order_of_items() =>
        Prop.ForAll(DistinctItems, ArbMap.Default.ArbFor<int>(), (items, seed) =>
        {
            var shuffled = items.ToArray();
            new Random(seed).Shuffle(shuffled);
            return DeclarationTokens.DeclarationsToken(items) == DeclarationTokens.DeclarationsToken(shuffled);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Declarations_token_changes_with_any_item() =>
        Prop.ForAll(DistinctItems.Filter(items => items.Length > 0), ArbMap.Default.ArbFor<NonNegativeInt>(), (items, which) =>
        {
            var index = which.Get % items.Length;
            var original = DeclarationTokens.DeclarationsToken(items);
            var changedToken = items.Select((item, i) => i == index ? item with { ServerToken = item.ServerToken + "'" } : item);
            var renamed = items.Select((item, i) => i == index ? item with { Identifier = item.Identifier + "\u0000new" } : item);
            var removed = items.Where((_, i) => i != index);
            var added = items.Append(new DeclarationItem(items[index].Identifier + "\u0000added", "token"));
            return new[] { changedToken, renamed, removed, added }.All(variant => DeclarationTokens.DeclarationsToken(variant) != original);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Declarations_token_of_pairs_cannot_be_forged_by_moving_text_between_identifier_and_token()
    {
        var first = DeclarationTokens.DeclarationsToken([new DeclarationItem("ab", "c")]);
        var second = DeclarationTokens.DeclarationsToken([new DeclarationItem("a", "bc")]);

        Assert.NotEqual(first, second);
        Assert.Matches("^[0-9a-f]{64}$", first);
        Assert.Throws<ArgumentException>(() => DeclarationTokens.DeclarationsToken([new DeclarationItem("a", "1"), new DeclarationItem("a", "2")]));
    }

    [Fact]
    public void Server_token_ignores_member_order_and_whitespace() =>
        Prop.ForAll(DistinctMembers, members =>
        {
            var spaced = "{\n  " + string.Join(",\n  ", members.Select(Member)) + "\n}";
            var compactReversed = "{" + string.Join(",", members.Reverse().Select(Member)) + "}";
            return ServerToken(spaced) == ServerToken(compactReversed);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Server_token_changes_with_any_value_key_type_or_identifier() =>
        Prop.ForAll(DistinctMembers.Filter(members => members.Length > 0), ArbMap.Default.ArbFor<NonNegativeInt>(), (members, which) =>
        {
            var index = which.Get % members.Length;
            var original = Object(members);
            var changedValue = Object(members.Select((member, i) => i == index ? (member.Key, unchecked(member.Value + 1)) : member));
            var renamed = Object(members.Select((member, i) => i == index ? (member.Key + "'", member.Value) : member));
            var token = ServerToken(original);
            return ServerToken(changedValue) != token
                && ServerToken(renamed) != token
                && DeclarationTokens.ServerToken(Type + ".other", "id", Parse(original)) != token
                && DeclarationTokens.ServerToken(Type, "id2", Parse(original)) != token;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Nested_objects_are_sorted_too_and_arrays_keep_their_order()
    {
        Assert.Equal(ServerToken("""{"a": {"y": 1, "x": [1, 2]}}"""), ServerToken("""{"a":{"x":[1,2],"y":1}}"""));
        Assert.NotEqual(ServerToken("""{"a": [1, 2]}"""), ServerToken("""{"a": [2, 1]}"""));
        Assert.Equal("""{"a":{"x":[1,2],"y":1},"b":"\u00E9"}"""u8.ToArray(), CanonicalJson.Serialize(Parse("""{ "b": "é", "a": {"y": 1, "x": [1, 2]} }""")));
    }

    private static string Member((string Key, int Value) member) => $"{JsonSerializer.Serialize(member.Key)}: {member.Value}";

    private static string Object(IEnumerable<(string Key, int Value)> members) => "{" + string.Join(",", members.Select(Member)) + "}";

    private static string ServerToken(string payload) => DeclarationTokens.ServerToken(Type, "id", Parse(payload));

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
