using SaaSMdm.Portal.Hosting;

await PortalApp.Build(args).RunAsync();
