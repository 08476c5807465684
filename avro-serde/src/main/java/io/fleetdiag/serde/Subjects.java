package io.fleetdiag.serde;

/** Confluent's TopicNameStrategy: one subject per topic and side. */
public final class Subjects {

    private Subjects() {
    }

    public static String topicName(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
