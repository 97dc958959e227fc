package dev.storyline.support.auth;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents the API keys in OpenAPI and Swagger UI: a bearer scheme named {@value #SCHEME}, required by every
 * write operation (each service names this filter in {@code mp.openapi.filter}).
 */
public class ApiKeyOpenApi implements OASFilter {

    static final String SCHEME = "apiKey";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("opaque key")
                .description("One of the keys in STORYLINE_API_KEYS, as Authorization: Bearer <key>. Needed by every "
                        + "POST, PUT and DELETE when keys are set; by reads too with STORYLINE_READS_NEED_KEY=true."));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : new Operation[] { item.getPOST(), item.getPUT(), item.getDELETE(), item.getPATCH() }) {
                if (op != null) {
                    op.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
                    if (op.getResponses() != null) {
                        op.getResponses().addAPIResponse("401",
                                OASFactory.createAPIResponse().description("No API key, or not a valid one"));
                    }
                }
            }
        }
    }
}
