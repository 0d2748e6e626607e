namespace SaaSMdm.Portal.BrowserTests.Infrastructure;

/// <summary>The browser tests share one <see cref="BrowserSystem"/>: hosts and Chromium start once.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSystem>
{
    public const string Name = "Browser";
}
