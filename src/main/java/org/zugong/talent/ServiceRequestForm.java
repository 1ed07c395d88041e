package org.zugong.talent;

/** A talent's new service request (portal form and API body): the type's code, a title and the content. */
public record ServiceRequestForm(String typeCode, String title, String content) {

    static ServiceRequestForm empty() {
        return new ServiceRequestForm(null, null, null);
    }
}
