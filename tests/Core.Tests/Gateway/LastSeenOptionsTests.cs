using Microsoft.Extensions.Options;
using SaaSMdm.Core.Data;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests.Gateway;

public sealed class LastSeenOptionsTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("86400")]
    public async Task Core_refuses_to_start_with_a_flush_interval_out_of_range(string seconds)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            CoreTestHost.StartAsync(database, new Dictionary<string, string?> { ["Devices:LastSeenFlushSeconds"] = seconds }));

        Assert.Contains("LastSeenFlushSeconds", error.Message);
    }
}
