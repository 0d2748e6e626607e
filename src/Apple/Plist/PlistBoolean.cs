using System.Text;

namespace SaaSMdm.Apple.Plist;

public sealed class PlistBoolean : PlistValue
{
    public static readonly PlistBoolean True = new(true);

    public static readonly PlistBoolean False = new(false);

    private PlistBoolean(bool value) => Value = value;

    public bool Value { get; }

    public override PlistValueKind Kind => PlistValueKind.Boolean;

    public static PlistBoolean From(bool value) => value ? True : False;

    public override bool Equals(PlistValue? other) => other is PlistBoolean boolean && boolean.Value == Value;

    public override int GetHashCode() => Value.GetHashCode();

    internal override void AppendText(StringBuilder text) => text.Append(Value ? "true" : "false");
}
