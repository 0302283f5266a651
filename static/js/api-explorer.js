// Start Swagger UI on the interactive API page (templates/jinja2/analysis/
// api_explorer.html). A static file rather than an inline script, so the page keeps the
// site's Content-Security-Policy; the schema's address comes from the page.
(function () {
  "use strict";
  function start() {
    var root = document.getElementById("swagger-ui");
    if (!root || typeof window.SwaggerUIBundle !== "function") {
      return;
    }
    window.SwaggerUIBundle({
      url: root.getAttribute("data-schema-url"),
      dom_id: "#swagger-ui",
      // Without deep links an operation's path is text, not a link inside its button.
      deepLinking: false,
      defaultModelsExpandDepth: 0,
      tryItOutEnabled: true,
      presets: [window.SwaggerUIBundle.presets.apis],
      layout: "BaseLayout",
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
