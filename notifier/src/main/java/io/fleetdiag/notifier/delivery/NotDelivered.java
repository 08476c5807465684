package io.fleetdiag.notifier.delivery;

/** Why a record's notification reached a receiver never: what its dead letter says. */
final class NotDelivered extends Exception {

    NotDelivered(String reason) {
        super(reason);
    }
}
