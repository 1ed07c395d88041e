package org.zugong.access;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.condition.NameValueExpression;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The application's endpoints as the access-control tests see them: every handler mapping of a bean
 * in {@code org.zugong}, one entry per HTTP method and path pattern, with the permission its
 * {@code @PreAuthorize} declares and a request that reaches the handler (path variables and required
 * parameters filled, so that argument binding succeeds and authorization decides).
 */
final class EndpointMatrix {

    /** What a handler requires: any one of {@code authorities}, or (empty set) just a signed-in user. */
    record Requirement(Set<String> anyOf, String expression) {

        boolean allows(Set<String> permissions) {
            return anyOf.isEmpty() || anyOf.stream().anyMatch(permissions::contains);
        }

        boolean authenticatedOnly() {
            return anyOf.isEmpty();
        }
    }

    record Endpoint(HandlerMethod handler, HttpMethod method, String pattern, RequestMappingInfo info, Requirement requirement) {

        boolean api() {
            return pattern.startsWith("/api/");
        }

        String name() {
            return method + " " + pattern;
        }

        String handlerName() {
            return handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName();
        }

        /** Path variables of the pattern, e.g. {@code [id, personId]}. */
        List<String> pathVariables() {
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z0-9_]+)(?::[^}]*)?}");
    private static final Pattern HAS_AUTHORITY = Pattern.compile("hasAuthority\\('([A-Za-z0-9:_-]+)'\\)");
    private static final Pattern HAS_ANY_AUTHORITY = Pattern.compile("hasAnyAuthority\\(\\s*('[a-z0-9:_-]+'(?:\\s*,\\s*'[a-z0-9:_-]+')*)\\s*\\)");
    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final List<Endpoint> endpoints;
    private final List<String> uninterpretable;

    EndpointMatrix(RequestMappingHandlerMapping mappings) {
        List<Endpoint> all = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod h = e.getValue();
            if (!h.getBeanType().getPackageName().startsWith("org.zugong")) {
                continue;
            }
            Requirement requirement;
            try {
                requirement = requirement(h);
            } catch (IllegalArgumentException ex) {
                bad.add(h.getBeanType().getSimpleName() + "." + h.getMethod().getName() + ": " + ex.getMessage());
                continue;
            }
            Set<org.springframework.web.bind.annotation.RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            List<HttpMethod> httpMethods = methods.isEmpty() ? List.of(HttpMethod.GET)
                    : methods.stream().map(m -> HttpMethod.valueOf(m.name())).toList();
            for (String pattern : e.getKey().getPatternValues()) {
                for (HttpMethod method : httpMethods) {
                    all.add(new Endpoint(h, method, pattern, e.getKey(), requirement));
                }
            }
        }
        all.sort(Comparator.comparing(Endpoint::pattern).thenComparing(x -> x.method().name()));
        this.endpoints = List.copyOf(all);
        this.uninterpretable = List.copyOf(bad);
    }

    List<Endpoint> endpoints() {
        return endpoints;
    }

    /** Handlers whose {@code @PreAuthorize} this test cannot read (new endpoints must use the readable forms). */
    List<String> uninterpretable() {
        return uninterpretable;
    }

    /**
     * The permission a handler declares: the method's {@code @PreAuthorize}, else its class's. Only
     * {@code hasAuthority('x')}, {@code hasAnyAuthority('x', 'y')} and {@code isAuthenticated()} are
     * understood; a handler with no annotation is treated as open to any signed-in user (which
     * {@link EndpointPermissionTests} allows only for its short list).
     */
    static Requirement requirement(HandlerMethod h) {
        PreAuthorize annotation = AnnotatedElementUtils.findMergedAnnotation(h.getMethod(), PreAuthorize.class);
        if (annotation == null) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(h.getBeanType(), PreAuthorize.class);
        }
        if (annotation == null) {
            return new Requirement(Set.of(), "(none)");
        }
        String expression = annotation.value().trim();
        if (expression.equals("isAuthenticated()")) {
            return new Requirement(Set.of(), expression);
        }
        Matcher one = HAS_AUTHORITY.matcher(expression);
        if (one.matches()) {
            return new Requirement(Set.of(one.group(1)), expression);
        }
        Matcher any = HAS_ANY_AUTHORITY.matcher(expression);
        if (any.matches()) {
            Set<String> names = new LinkedHashSet<>();
            for (String part : any.group(1).split(",")) {
                names.add(part.trim().replace("'", ""));
            }
            return new Requirement(Set.copyOf(names), expression);
        }
        throw new IllegalArgumentException("cannot interpret @PreAuthorize(\"" + expression + "\")");
    }

    /**
     * A request for the endpoint that binds: path variables get an unknown id (0) or a harmless
     * value, required parameters a value of their type, a JSON body is {@code {}}, a required file an
     * empty upload; for a call that should be refused, a body with every field filled (so that validation
     * of the body, which runs before authorization, passes). Nothing here names an existing record, so an allowed call changes no demo data
     * (it ends in 404 or a validation answer).
     */
    static AbstractMockHttpServletRequestBuilder<?> request(Endpoint e, boolean forRefusal) {
        return request(e, forRefusal, Map.of());
    }

    /** As {@link #request(Endpoint, boolean)}, with the given values for some path variables. */
    static AbstractMockHttpServletRequestBuilder<?> request(Endpoint e, boolean forRefusal, Map<String, String> given) {
        Map<String, String> pathValues = new java.util.HashMap<>();
        List<MethodParameter> parameters = new ArrayList<>();
        for (MethodParameter p : e.handler().getMethodParameters()) {
            p.initParameterNameDiscovery(NAMES);
            parameters.add(p);
            PathVariable pv = p.getParameterAnnotation(PathVariable.class);
            if (pv != null) {
                String name = !pv.name().isEmpty() ? pv.name() : !pv.value().isEmpty() ? pv.value() : p.getParameterName();
                pathValues.put(name, sample(p.getParameterType(), name));
            }
        }
        pathValues.putAll(given);
        String uri = e.pattern();
        for (String variable : e.pathVariables()) {
            String value = pathValues.getOrDefault(variable, "0");
            uri = uri.replaceAll("\\{\\*?" + variable + "(?::[^}]*)?}", Matcher.quoteReplacement(value));
        }
        boolean multipart = e.info().getConsumesCondition().getConsumableMediaTypes().contains(MediaType.MULTIPART_FORM_DATA)
                || parameters.stream().anyMatch(p -> MultipartFile.class.isAssignableFrom(p.getParameterType()));
        AbstractMockHttpServletRequestBuilder<?> builder;
        if (multipart) {
            MockMultipartHttpServletRequestBuilder m = MockMvcRequestBuilders.multipart(e.method(), uri);
            for (MethodParameter p : parameters) {
                if (MultipartFile.class.isAssignableFrom(p.getParameterType())) {
                    m.file(new MockMultipartFile(paramName(p), "empty.bin", MediaType.APPLICATION_OCTET_STREAM_VALUE, new byte[0]));
                }
            }
            builder = m;
        } else {
            builder = MockMvcRequestBuilders.request(e.method(), uri);
        }
        for (MethodParameter p : parameters) {
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            if (rp != null && rp.required() && rp.defaultValue().equals(org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE)
                    && !MultipartFile.class.isAssignableFrom(p.getParameterType()) && !Map.class.isAssignableFrom(p.getParameterType())) {
                Class<?> type = p.getParameterType();
                if (Collection.class.isAssignableFrom(type) || type.isArray()) {
                    builder.param(paramName(p), "0");
                } else {
                    builder.param(paramName(p), sample(type, paramName(p)));
                }
            }
            if (p.hasParameterAnnotation(RequestBody.class)) {
                // A refused call must get past deserialization and validation to reach authorization: every field
                // filled. An allowed call must change nothing: lists empty, the rest absent (validation refuses it).
                builder.contentType(MediaType.APPLICATION_JSON).content(forRefusal ? fullBody(p.getParameterType(), 0) : body(p.getParameterType()));
            }
        }
        for (NameValueExpression<String> param : e.info().getParamsCondition().getExpressions()) {
            if (!param.isNegated()) {
                builder.param(param.getName(), param.getValue() == null ? "x" : param.getValue());
            }
        }
        for (NameValueExpression<String> header : e.info().getHeadersCondition().getExpressions()) {
            if (!header.isNegated()) {
                builder.header(header.getName(), header.getValue() == null ? "true" : header.getValue());
            }
        }
        return builder;
    }

    private static String paramName(MethodParameter p) {
        RequestParam rp = p.getParameterAnnotation(RequestParam.class);
        if (rp != null && !rp.name().isEmpty()) {
            return rp.name();
        }
        return p.getParameterName();
    }

    /** A value of the type that binds but names nothing that exists. */
    static String sample(Class<?> type, String name) {
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return name.toLowerCase().contains("year") ? "2025" : name.equals("version") ? "0" : "0";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "false";
        }
        if (type == LocalDate.class) {
            return "2025-01-01";
        }
        if (type == LocalDateTime.class) {
            return "2025-01-01T00:00:00";
        }
        if (type == YearMonth.class) {
            return "2025-01";
        }
        if (type == UUID.class) {
            return "00000000-0000-0000-0000-000000000000";
        }
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        return "0";
    }

    /** A JSON body that deserializes: every list component empty, everything else absent. */
    static String body(Class<?> type) {
        if (!type.isRecord()) {
            return "{}";
        }
        StringBuilder json = new StringBuilder("{");
        for (RecordComponent c : type.getRecordComponents()) {
            if (Collection.class.isAssignableFrom(c.getType()) || c.getType().isArray()) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append('"').append(c.getName()).append("\":[]");
            }
        }
        return json.append('}').toString();
    }

    /** A JSON body with every component of the record filled with a plain value of its type. */
    static String fullBody(Class<?> type, int depth) {
        if (!type.isRecord() || depth > 3) {
            return "{}";
        }
        List<String> fields = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            fields.add("\"" + c.getName() + "\":" + jsonValue(c.getType(), c.getName(), depth));
        }
        return "{" + String.join(",", fields) + "}";
    }

    private static String jsonValue(Class<?> type, String name, int depth) {
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "[]";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "{}";
        }
        if (type.isRecord()) {
            return fullBody(type, depth + 1);
        }
        if (type.isPrimitive() && type != boolean.class || Number.class.isAssignableFrom(type)) {
            return "0";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "false";
        }
        return "\"" + (type == String.class ? "x" : sample(type, name)) + "\"";
    }
}
