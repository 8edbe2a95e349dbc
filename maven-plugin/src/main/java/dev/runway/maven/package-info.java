/**
 * {@code runway-maven-plugin}: the {@code train} goal, which trains an AOT cache on a function during its build
 * with the Runway runtime that will run it (see {@link dev.runway.maven.TrainMojo}).
 */
package dev.runway.maven;
