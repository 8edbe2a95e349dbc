/**
 * The function the harness trains Runway's AOT cache with ({@code --clients ...,runway-aot}). It is deliberately
 * not one of the benchmark functions: a cache shipped with the runtime is trained on functions it will never see
 * again, so the benchmark must not get credit for having trained on itself. Like the benchmark functions it
 * depends on nothing but {@code aws-lambda-java-core}.
 */
package dev.runway.bench.training;
