/**
 * {@code bootstrap --train}: an AOT cache trained on the user's own function, written into its task root at build
 * time ({@link dev.runway.bootstrap.training.TrainCommand}).
 */
package dev.runway.bootstrap.training;
