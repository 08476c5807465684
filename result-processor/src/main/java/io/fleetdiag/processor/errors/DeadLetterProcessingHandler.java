package io.fleetdiag.processor.errors;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/** An input record whose processing fails goes to the dead-letter topic, and processing continues. */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private DeadLetterWriter deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetterWriter.configure(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        return Response.resume(List.of(deadLetters.letter(context, context.sourceRawKey(), context.sourceRawValue(), exception)));
    }
}
