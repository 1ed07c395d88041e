package org.zugong.platform.web;

/**
 * One entry of the left navigation. Modules contribute these as beans; the frame shows those whose
 * permission the user holds, grouped and ordered.
 */
public record NavigationItem(String group, int groupOrder, String label, String href, String permission, int order) {
}
