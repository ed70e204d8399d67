package io.trackingsystem.routes.problem;

import java.util.List;
import java.util.Map;

/** Thrown anywhere in a route to answer with a problem; {@link ProblemHandling} turns it into the response. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    /** A problem with the failure behind it, which is logged when the problem is answered and never sent. */
    protected ProblemException(Problem problem, Throwable cause) {
        super(problem.title() + ": " + problem.detail(), cause, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of(400, "Bad Request", detail));
    }

    /** A validation failure naming each bad field. */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid";
        return new ProblemException(Problem.of(400, "Validation Failed", detail).with("errors", errors));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "Unauthorized", detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "Forbidden", detail));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "Not Found", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(Problem.of(413, "Payload Too Large", detail));
    }

    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(Problem.of(429, "Too Many Requests", detail)
                .with("retryAfter", Math.max(1, retryAfterSeconds)));
    }

    public static ProblemException unavailable(String detail, long retryAfterSeconds) {
        return new ProblemException(Problem.of(503, "Service Unavailable", detail)
                .with("retryAfter", Math.max(1, retryAfterSeconds)));
    }

    public static ProblemException timeout(String detail) {
        return new ProblemException(Problem.of(504, "Gateway Timeout", detail));
    }

    /** One invalid input: {@code field} is a JSON path such as {@code batch[3].eventName}. */
    public record FieldError(String field, String message) {
        public static FieldError of(String field, String message) {
            return new FieldError(field, message);
        }

        public Map<String, String> asMap() {
            return Map.of("field", field, "message", message);
        }
    }
}
