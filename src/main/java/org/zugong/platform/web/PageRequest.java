package org.zugong.platform.web;

/** A requested page: number from 0, size capped so nobody pulls a province in one request. */
public record PageRequest(int number, int size) {

    public static final int MAX_SIZE = 200;

    public PageRequest {
        number = Math.max(0, number);
        size = size <= 0 ? 20 : Math.min(size, MAX_SIZE);
    }

    public static PageRequest of(Integer number, Integer size) {
        return new PageRequest(number == null ? 0 : number, size == null ? 20 : size);
    }

    public long offset() {
        return (long) number * size;
    }
}
