// Draws the API reference from the server's own OpenAPI document. A file of its own,
// because the Content-Security-Policy allows no inline script (docs/security.md#response-headers).
'use strict';

window.addEventListener('DOMContentLoaded', () => {
  window.hawzuReference = window.SwaggerUIBundle({
    url: '/api/v1/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    // Read-only: "Try it out" would send requests with the signed-in person's cookie.
    supportedSubmitMethods: [],
    // No badge from an outside validator service: the page calls nothing but this server.
    validatorUrl: null,
    defaultModelsExpandDepth: 0,
    docExpansion: 'list',
  });
});
