package ${package};

import software.amazon.awscdk.App;

/** The CDK app: one stack with the function. */
public final class FunctionApp {

    private FunctionApp() {}

    /** Synthesises the stack; the layer ARN comes from the context ({@code -c runwayLayerArn=...} or cdk.json). */
    public static void main(String[] args) {
        App app = new App();
        new FunctionStack(app, "${artifactId}");
        app.synth();
    }
}
