package org.trialevidence.paging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/** A filtered list query: AND-ed conditions with their named parameters, run as one page plus a count. */
public final class JpqlFilter {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    /** Adds a condition; its parameter names must be unique within the query. */
    public JpqlFilter and(String condition, String parameter, Object value) {
        return and(condition, Map.of(parameter, value));
    }

    public JpqlFilter and(String condition, Map<String, Object> conditionParameters) {
        conditions.add("(" + condition + ")");
        parameters.putAll(conditionParameters);
        return this;
    }

    public String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    /**
     * One page of {@code select <alias> <from>} under this filter, with the total count of matches.
     * {@code from} names the entity as {@code alias}, e.g. {@code "from Result r join fetch r.trial t"}.
     */
    public <E, V> Page<V> page(EntityManager entityManager, Class<E> entity, String alias, String from, String countFrom,
                               String orderBy, PageRequest request, Function<E, V> view) {
        TypedQuery<Long> count = entityManager.createQuery("select count(" + alias + ") " + countFrom + where(), Long.class);
        TypedQuery<E> select = entityManager.createQuery("select " + alias + " " + from + where() + orderBy, entity);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        List<E> items = select.setFirstResult(request.offset()).setMaxResults(request.size()).getResultList();
        return Page.of(items.stream().map(view).toList(), request, count.getSingleResult());
    }

    /**
     * Every match of {@code select <alias> <from>} in order, handed over one at a time with the persistence context
     * cleared every {@value #CLEAR_EVERY} entities, so that memory stays flat however many rows match.
     */
    public <E> void forEach(EntityManager entityManager, Class<E> entity, String alias, String from, String orderBy, Consumer<E> action) {
        TypedQuery<E> select = entityManager.createQuery("select " + alias + " " + from + where() + orderBy, entity);
        parameters.forEach(select::setParameter);
        select.setHint("org.hibernate.fetchSize", CLEAR_EVERY);
        int handled = 0;
        try (Stream<E> rows = select.getResultStream()) {
            for (E row : (Iterable<E>) rows::iterator) {
                action.accept(row);
                if (++handled % CLEAR_EVERY == 0) {
                    entityManager.clear();
                }
            }
        }
    }

    private static final int CLEAR_EVERY = 500;
}
