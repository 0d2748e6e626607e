using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Tests.Plist;

public class PlistModelTests
{
    private static readonly PlistDictionary Response = new()
    {
        { "CommandUUID", "0E2A" },
        { "Status", "Acknowledged" },
        { "Count", 3 },
        { "QueryResponses", new PlistDictionary { { "DeviceName", "iPad" }, { "BatteryLevel", 0.5 } } },
        { "Apps", new PlistArray { new PlistDictionary { { "Name", "Pages" } }, "not a dict" } },
    };

    [Fact]
    public void Dictionaries_are_equal_regardless_of_key_order()
    {
        var forward = new PlistDictionary { { "a", 1 }, { "b", new PlistArray { "x", true } } };
        var backward = new PlistDictionary { { "b", new PlistArray { "x", true } }, { "a", 1 } };
        Assert.Equal(forward, backward);
        Assert.Equal(forward.GetHashCode(), backward.GetHashCode());
        Assert.NotEqual(forward, new PlistDictionary { { "a", 1 }, { "b", new PlistArray { true, "x" } } });
        Assert.NotEqual<PlistValue>(new PlistDictionary { { "a", 1 } }, new PlistDictionary { { "a", 1L }, { "b", 2 } });
    }

    [Fact]
    public void Reals_compare_bit_exactly_except_that_nan_equals_nan()
    {
        Assert.Equal(new PlistReal(double.NaN), new PlistReal(-double.NaN));
        Assert.Equal(new PlistReal(double.NaN).GetHashCode(), new PlistReal(-double.NaN).GetHashCode());
        Assert.NotEqual(new PlistReal(0.0), new PlistReal(-0.0));
        Assert.NotEqual<PlistValue>(new PlistReal(1.0), new PlistInteger(1));
    }

    [Fact]
    public void Dates_are_held_in_utc_and_compare_as_instants()
    {
        var local = new PlistDate(new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.Zero, local.Value.Offset);
        Assert.Equal(new PlistDate(new DateTimeOffset(2024, 1, 1, 10, 0, 0, TimeSpan.Zero)), local);
    }

    [Fact]
    public void Data_compares_by_content() =>
        Assert.Equal(new PlistData(new byte[] { 1, 2 }), new PlistData(new ReadOnlyMemory<byte>([0, 1, 2, 3], 1, 2)));

    [Fact]
    public void Insertion_order_is_kept_and_set_replaces_in_place()
    {
        var dictionary = new PlistDictionary().Add("z", 1).Add("a", 2).Set("m", 3).Set("z", 4);
        Assert.Equal(["z", "a", "m"], dictionary.Keys);
        Assert.Equal(4, dictionary.GetInteger("z"));
        Assert.True(dictionary.Remove("a"));
        Assert.Equal(["z", "m"], dictionary.Keys);
        Assert.Throws<ArgumentException>(() => dictionary.Add("z", 5));
    }

    [Fact]
    public void Typed_getters_return_values()
    {
        Assert.Equal("Acknowledged", Response.GetString("Status"));
        Assert.Equal(3, Response.GetInteger("Count"));
        Assert.Equal("iPad", Response.GetDictionary("QueryResponses").GetString("DeviceName"));
        Assert.Equal(0.5, Response.GetDictionary("QueryResponses").GetReal("BatteryLevel"));
        Assert.Equal("Pages", Response.GetArray("Apps").Get<PlistDictionary>(0).GetString("Name"));
        Assert.True(Response.TryGetString("CommandUUID", out var uuid));
        Assert.Equal("0E2A", uuid);
    }

    [Fact]
    public void Wrong_type_names_the_key_and_both_types()
    {
        var error = Assert.Throws<PlistTypeException>(() => Response.GetString("Count"));
        Assert.Equal("Count", error.KeyPath);
        Assert.Equal(PlistValueKind.String, error.Expected);
        Assert.Equal(PlistValueKind.Integer, error.Actual);
        Assert.Equal("Plist key 'Count' holds a integer, expected a string.", error.Message);
        Assert.IsAssignableFrom<FormatException>(error);
    }

    [Fact]
    public void Missing_key_says_so()
    {
        var error = Assert.Throws<PlistTypeException>(() => Response.GetBoolean("Absent"));
        Assert.Null(error.Actual);
        Assert.Equal(PlistValueKind.Boolean, error.Expected);
        Assert.Contains("'Absent' is missing", error.Message, StringComparison.Ordinal);
        Assert.Throws<PlistTypeException>(() => Response["Absent"]);
    }

    [Fact]
    public void Try_getters_report_absence_but_still_refuse_a_wrong_type()
    {
        Assert.False(Response.TryGetDate("Absent", out _));
        Assert.False(Response.TryGetDictionary("Absent", out var missing));
        Assert.Null(missing);
        Assert.Throws<PlistTypeException>(() => Response.TryGetData("Status", out _));
    }

    [Fact]
    public void Array_elements_are_checked_by_index()
    {
        var apps = Response.GetArray("Apps");
        var error = Assert.Throws<PlistTypeException>(() => apps.Elements<PlistDictionary>().ToList());
        Assert.Equal("[1]", error.KeyPath);
        Assert.Equal(PlistValueKind.String, error.Actual);
        Assert.Null(Assert.Throws<PlistTypeException>(() => apps.Get<PlistString>(5)).Actual);
    }

    [Fact]
    public void Implicit_conversions_build_values_concisely()
    {
        PlistValue[] values = ["text", 1, 2L, true, 1.5, DateTimeOffset.UnixEpoch, new byte[] { 7 }];
        Assert.Equal(
            [PlistValueKind.String, PlistValueKind.Integer, PlistValueKind.Integer, PlistValueKind.Boolean, PlistValueKind.Real, PlistValueKind.Date, PlistValueKind.Data],
            values.Select(v => v.Kind));
    }

    [Fact]
    public void ToString_renders_the_whole_tree_for_test_output()
    {
        var value = new PlistDictionary
        {
            { "s", "a\"b\n" }, { "i", -1 }, { "r", 0.25 }, { "b", false }, { "d", new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero) },
            { "x", new byte[] { 1, 2, 3 } }, { "a", new PlistArray { 1, new PlistDictionary() } },
        };
        Assert.Equal("""{"s": "a\"b\u000a", "i": -1, "r": 0.25, "b": false, "d": 2024-01-02T03:04:05Z, "x": <data AQID>, "a": [1, {}]}""", value.ToString());
    }
}
