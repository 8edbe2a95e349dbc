/**
 * Runway's JUnit 5 test kit: {@link dev.runway.junit.LambdaFunctionExtension} runs a Lambda function in the test
 * JVM behind Runway's embedded Lambda platform, so a function's tests need neither Docker nor the RIE.
 */
package dev.runway.junit;
