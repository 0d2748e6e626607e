using SaaSMdm.Edge.Hosting;

await EdgeApp.Build(args).RunAsync();
