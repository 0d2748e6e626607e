using SaaSMdm.DeviceSim.Declarative;

namespace SaaSMdm.DeviceSim.Tests;

public sealed class DeclarativePredicateTests
{
    private static readonly IPredicateFacts Facts = new TableFacts();

    [Theory]
    [InlineData("TRUEPREDICATE", true)]
    [InlineData("FALSEPREDICATE", false)]
    [InlineData("@property(ring) < 10", true)]
    [InlineData("@property(ring) <= 7", true)]
    [InlineData("@property(ring) > 7", false)]
    [InlineData("@property(ring) >= 7", true)]
    [InlineData("@property(ring) == 7", true)]
    [InlineData("@property(ring) = 7.0", true)]
    [InlineData("@property(ring) != 7", false)]
    [InlineData("@property(team) == 'sales'", true)]
    [InlineData("@property(team) == \"sales\"", true)]
    [InlineData("@property(team) != 'sales'", false)]
    [InlineData("@property(team) < 'tech'", true)]
    [InlineData("@property(pilot) == TRUE", true)]
    [InlineData("@property(missing) == 'x'", false)]
    [InlineData("@property(missing) != 'x'", true)]
    [InlineData("@property(missing) < 5", false)]
    [InlineData("@property(team) > 5", false)]
    [InlineData("@status(device.model.family) == 'iPhone'", true)]
    [InlineData("@status(device.operating-system.version) >= '17.0'", true)]
    [InlineData("@status(device.operating-system.version) >= '9.3'", true)]
    [InlineData("@status(device.operating-system.version) < '18.1.1'", true)]
    [InlineData("@status(device.operating-system.version) == '18.1.0'", true)]
    [InlineData("@status(device.model.family) == 'iPad' OR @property(ring) < 10", true)]
    [InlineData("@status(device.model.family) == 'iPad' || @property(ring) > 10", false)]
    [InlineData("@status(device.model.family) == 'iPhone' AND @property(ring) > 10", false)]
    [InlineData("@status(device.model.family) == 'iPhone' && @property(ring) < 10", true)]
    [InlineData("NOT @property(ring) < 10", false)]
    [InlineData("!(@property(ring) < 10)", false)]
    [InlineData("NOT (@property(ring) > 10 OR @property(team) == 'tech')", true)]
    [InlineData("(@property(ring) > 10 OR @property(team) == 'sales') AND TRUEPREDICATE", true)]
    [InlineData("@property(ring) > 10 OR @property(team) == 'sales' AND FALSEPREDICATE", false)]
    [InlineData("'sales' == @property(team)", true)]
    public void Evaluates_comparisons_and_connectives(string predicate, bool expected)
    {
        Assert.Equal(expected, ActivationPredicate.Parse(predicate).Evaluate(Facts));
    }

    [Theory]
    [InlineData("")]
    [InlineData("@property(ring) <")]
    [InlineData("@property(ring) < 10 AND")]
    [InlineData("(@property(ring) < 10")]
    [InlineData("@property(ring) < 10)")]
    [InlineData("@property() == 1")]
    [InlineData("@key(ring) == 1")]
    [InlineData("@property(team) == 'unclosed")]
    [InlineData("@property(team) BEGINSWITH 'sa'")]
    [InlineData("@property(team) IN {'sales'}")]
    [InlineData("ring ~ 10")]
    [InlineData("1.2.3 == 4")]
    public void Refuses_what_it_cannot_parse(string predicate)
    {
        Assert.Throws<PredicateFormatException>(() => ActivationPredicate.Parse(predicate));
    }

    private sealed class TableFacts : IPredicateFacts
    {
        public object? Property(string key) => key switch
        {
            "ring" => 7.0,
            "team" => "sales",
            "pilot" => true,
            _ => null,
        };

        public object? Status(string name) => name switch
        {
            "device.model.family" => "iPhone",
            "device.operating-system.version" => "18.1",
            _ => null,
        };
    }
}
