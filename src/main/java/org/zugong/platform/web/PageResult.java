package org.zugong.platform.web;

import java.util.List;
import java.util.function.Function;

/** One page of results with the shape the API promises: {@code content} and {@code page}. */
public record PageResult<T>(List<T> content, PageInfo page) {

    public record PageInfo(int size, int number, long totalElements, int totalPages) {
    }

    public static <T> PageResult<T> of(List<T> content, PageRequest request, long total) {
        int pages = (int) ((total + request.size() - 1) / request.size());
        return new PageResult<>(content, new PageInfo(request.size(), request.number(), total, pages));
    }

    public <R> PageResult<R> map(Function<T, R> f) {
        return new PageResult<>(content.stream().map(f).toList(), page);
    }

    public boolean hasPrevious() {
        return page.number() > 0;
    }

    public boolean hasNext() {
        return page.number() + 1 < page.totalPages();
    }
}
