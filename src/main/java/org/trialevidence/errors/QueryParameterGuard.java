package org.trialevidence.errors;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rejects query parameters the matched endpoint does not declare, so that a typo ({@code endpont=PFS}) is an
 * error instead of a silently unfiltered answer. The accepted names are read from the endpoint's own
 * {@link QueryParam} and {@link BeanParam} declarations, so they cannot drift from the code. An empty value is
 * refused too: it would otherwise read as "no filter".
 */
@Provider
public class QueryParameterGuard implements ContainerRequestFilter {
    private static final Map<Method, List<String>> ACCEPTED = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        if (method == null) {
            return;
        }
        List<String> accepted = ACCEPTED.computeIfAbsent(method, QueryParameterGuard::declaredQueryParameters);
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (!accepted.contains(parameter.getKey())) {
                throw ProblemException.unknownParameter(parameter.getKey(), accepted);
            }
            if (parameter.getValue().stream().anyMatch(value -> value == null || value.isBlank())) {
                throw ProblemException.invalidParameter(parameter.getKey(), "Parameter '" + parameter.getKey()
                        + "' was given without a value; leave it out to apply no filter.", null, null);
            }
        }
    }

    private static List<String> declaredQueryParameters(Method method) {
        TreeSet<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != null && type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        QueryParam fieldQuery = field.getAnnotation(QueryParam.class);
                        if (fieldQuery != null) {
                            names.add(fieldQuery.value());
                        }
                    }
                }
            }
        }
        return new ArrayList<>(names);
    }
}
