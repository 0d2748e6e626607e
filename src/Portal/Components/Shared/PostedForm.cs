using Microsoft.AspNetCore.Http;

namespace SaaSMdm.Portal;

/// <summary>Which of a page's forms a request posts: Blazor names it in the "_handler" field.</summary>
public static class PostedForm
{
    public static bool Is(HttpRequest request, string formName) =>
        HttpMethods.IsPost(request.Method) && request.HasFormContentType && request.Form["_handler"] == formName;
}
