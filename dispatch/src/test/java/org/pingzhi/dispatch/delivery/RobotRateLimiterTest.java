package org.pingzhi.dispatch.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RobotRateLimiterTest {

    static final long MINUTE = 60_000;
    static final long T0 = 1_764_295_200_000L;

    final RobotRateLimiter<Integer> limiter = RobotRateLimiter.forRobots();

    @Test
    void aBurstOfFiftySendsNineteenAndOneDigestOfTheRest() {
        List<Integer> sent = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long at = T0 + i * 1_000L;
            (limiter.offer("city-dingtalk", i, at) == Admission.SEND ? sent : held).add(i);
        }

        assertThat(sent).containsExactlyElementsOf(IntStream.range(0, 19).boxed().toList());
        long firstHeldAt = T0 + 19_000;
        assertThat(limiter.nextDueAt()).hasValue(firstHeldAt + MINUTE);
        assertThat(limiter.due(firstHeldAt + MINUTE - 1)).isEmpty();

        List<Digest<Integer>> digests = limiter.due(firstHeldAt + MINUTE);

        assertThat(digests).hasSize(1);
        assertThat(digests.get(0).robot()).isEqualTo("city-dingtalk");
        assertThat(digests.get(0).items()).containsExactlyElementsOf(held).hasSize(31);
        assertThat(limiter.nextDueAt()).isEmpty();
        assertThat(limiter.due(firstHeldAt + 10 * MINUTE)).isEmpty();
    }

    @Test
    void aSteadyStreamNeverExceedsTheLimitInAnyWindowAndLosesNothing() {
        List<Long> messages = new ArrayList<>();
        List<Integer> covered = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            long at = T0 + i * 1_000L;
            for (Digest<Integer> digest : limiter.due(at)) {
                messages.add(digest.sendAt());
                covered.addAll(digest.items());
            }
            if (limiter.offer("town-wecom", i, at) == Admission.SEND) {
                messages.add(at);
                covered.add(i);
            }
        }
        for (Digest<Integer> digest : limiter.due(T0 + 20 * MINUTE)) {
            messages.add(digest.sendAt());
            covered.addAll(digest.items());
        }

        assertThat(covered)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 600).boxed().toList());
        for (long start : messages) {
            long inWindow = messages.stream().filter(t -> t >= start && t < start + MINUTE).count();
            assertThat(inWindow)
                    .as("messages in the minute from %d", start)
                    .isLessThanOrEqualTo(20);
        }
    }

    @Test
    void robotsHaveLimitsOfTheirOwn() {
        for (int i = 0; i < 19; i++) {
            assertThat(limiter.offer("a", i, T0)).isEqualTo(Admission.SEND);
        }

        assertThat(limiter.offer("a", 19, T0)).isEqualTo(Admission.HELD);
        assertThat(limiter.offer("b", 19, T0)).isEqualTo(Admission.SEND);
    }

    @Test
    void aSlotFreesAWindowAfterItsMessage() {
        RobotRateLimiter<Integer> small = new RobotRateLimiter<>(3, Duration.ofMinutes(1));
        assertThat(small.offer("a", 1, T0)).isEqualTo(Admission.SEND);
        assertThat(small.offer("a", 2, T0 + 1)).isEqualTo(Admission.SEND);

        assertThat(small.offer("a", 3, T0 + MINUTE)).isEqualTo(Admission.SEND);
    }

    @Test
    void aBookingTakesASlotAsAnOfferWouldAndHoldsNothingWhenNoneIsFree() {
        for (int i = 0; i < 18; i++) {
            assertThat(limiter.offer("town-wecom", i, T0 + i)).isEqualTo(Admission.SEND);
        }
        assertThat(limiter.book("town-wecom", T0 + 18)).isTrue();

        assertThat(limiter.book("town-wecom", T0 + 19)).isFalse();
        assertThat(limiter.nextDueAt()).as("nothing held").isEmpty();
        assertThat(limiter.offer("town-wecom", 19, T0 + 20)).isEqualTo(Admission.HELD);
        assertThat(limiter.book("town-wecom", T0 + MINUTE + 19))
                .as("a held item keeps the robot for its digest")
                .isFalse();
        assertThat(limiter.due(T0 + 20 + MINUTE)).hasSize(1);
        assertThat(limiter.book("other-robot", T0 + 21)).isTrue();
    }
}
