package dev.muster.scim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;

/**
 * A request the server refuses, answered in the SCIM error schema (RFC 7644 section 3.12) with its HTTP status
 * and, for 400, the {@code scimType} naming the kind of mistake.
 */
final class ScimFault extends RuntimeException {
    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    final int status;
    final String scimType;

    ScimFault(int status, String scimType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
    }

    static ScimFault of(ScimException e) {
        Integer status = e.getScimError().getStatus();
        return new ScimFault(status == null ? 400 : status, e.getScimError().getScimType(),
                e.getScimError().getDetail() == null ? e.getMessage() : e.getScimError().getDetail());
    }

    static ScimFault badRequest(String scimType, String detail) {
        return new ScimFault(400, scimType, detail);
    }

    static ScimFault notFound(String detail) {
        return new ScimFault(404, null, detail);
    }

    static ScimFault conflict(String detail) {
        return new ScimFault(409, "uniqueness", detail);
    }

    ScimResponse response() {
        return ScimResponse.json(status, body(status, scimType, getMessage()));
    }

    static String body(int status, String scimType, String detail) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.putArray("schemas").add(ERROR_SCHEMA);
        error.put("status", Integer.toString(status));
        if (scimType != null) {
            error.put("scimType", scimType);
        }
        error.put("detail", detail);
        return error.toString();
    }
}
