using System.Security.Cryptography;

namespace SaaSMdm.DeviceSim.Fleet;

/// <summary>
/// A few RSA keys made once and shared by the devices of a fleet through <see cref="SimulatedDeviceOptions.KeyFactory"/>:
/// generating a key per device would dominate an enrollment run. Every device gets its own copy, which it keeps
/// with its identity.
/// </summary>
public sealed class SharedDeviceKeys
{
    private readonly byte[][] _keys;

    /// <param name="count">Distinct keys; devices <c>i</c> and <c>i + count</c> share one.</param>
    public SharedDeviceKeys(int count = 3, int keySize = 2048)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        KeySize = keySize;
        _keys = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            using var key = RSA.Create(keySize);
            _keys[i] = key.ExportPkcs8PrivateKey();
        }
    }

    public int KeySize { get; }

    /// <summary>A copy of the key of the device at <paramref name="index"/>.</summary>
    public RSA Key(int index)
    {
        var key = RSA.Create();
        key.ImportPkcs8PrivateKey(_keys[(int)((uint)index % _keys.Length)], out _);
        return key;
    }

    /// <summary>The <see cref="SimulatedDeviceOptions.KeyFactory"/> of the device at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentException">the server asks for another key size than the shared keys have.</exception>
    public Func<int, RSA> FactoryFor(int index) => keySize => keySize == KeySize
        ? Key(index)
        : throw new ArgumentException($"The enrollment asks for a {keySize}-bit key; the shared keys have {KeySize} bits.", nameof(keySize));
}
