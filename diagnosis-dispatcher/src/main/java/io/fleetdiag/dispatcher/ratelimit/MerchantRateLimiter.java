package io.fleetdiag.dispatcher.ratelimit;

import io.fleetdiag.service.ratelimit.TokenBucket;
import java.util.HashMap;
import java.util.Map;

/** One token bucket per merchant account, for Adyen's per-account API limits; a rate of 0 disables it. */
public final class MerchantRateLimiter {

    private final double ratePerSecond;
    private final Map<String, TokenBucket> buckets = new HashMap<>();

    public MerchantRateLimiter(double ratePerSecond) {
        this.ratePerSecond = ratePerSecond;
    }

    /** 0 if a call for this merchant account may start now, else the nanoseconds to wait. */
    public long take(String merchantAccount, long nowNanos) {
        if (ratePerSecond <= 0) {
            return 0;
        }
        return buckets.computeIfAbsent(merchantAccount == null ? "" : merchantAccount, key -> TokenBucket.perSecond(ratePerSecond, nowNanos))
                .take(nowNanos);
    }
}
