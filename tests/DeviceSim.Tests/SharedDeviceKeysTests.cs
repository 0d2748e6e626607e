using SaaSMdm.DeviceSim.Fleet;

namespace SaaSMdm.DeviceSim.Tests;

public sealed class SharedDeviceKeysTests
{
    private readonly SharedDeviceKeys _keys = new(count: 2, keySize: 1024);

    [Fact]
    public void Devices_a_pool_apart_share_a_key_and_each_gets_its_own_copy()
    {
        using var first = _keys.Key(0);
        using var second = _keys.Key(1);
        using var third = _keys.Key(2);

        Assert.Equal(first.ExportRSAPublicKey(), third.ExportRSAPublicKey());
        Assert.NotEqual(first.ExportRSAPublicKey(), second.ExportRSAPublicKey());
        Assert.NotSame(first, third);
        first.Dispose();
        Assert.Equal(1024, third.KeySize);
    }

    [Fact]
    public void A_device_asked_for_another_key_size_is_refused_rather_than_given_a_weaker_key()
    {
        var factory = _keys.FactoryFor(0);

        using var key = factory(1024);
        var refusal = Assert.Throws<ArgumentException>(() => factory(2048));
        Assert.Contains("2048", refusal.Message);
    }
}
