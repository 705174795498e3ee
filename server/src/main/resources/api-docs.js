// Swagger UI's start, in a file of its own: the server's Content-Security-Policy allows no inline script.
window.ui = SwaggerUIBundle({ url: "/openapi.yaml", dom_id: "#swagger-ui", deepLinking: true });
