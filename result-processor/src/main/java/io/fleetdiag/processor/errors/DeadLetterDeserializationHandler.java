package io.fleetdiag.processor.errors;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/** An input record that does not decode goes to the dead-letter topic, and processing continues. */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private DeadLetterWriter deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetterWriter.configure(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        return Response.resume(List.of(deadLetters.letter(context, record.key(), record.value(), exception)));
    }
}
