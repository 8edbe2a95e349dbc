package ${package};

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.Construct;

/** The function zip (built by the parent project) on provided.al2023 with Runway's layer. */
public class FunctionStack extends Stack {

    /** Defines the function; the context value runwayLayerArn names Runway's layer in the stack's region. */
    public FunctionStack(Construct scope, String id) {
        super(scope, id);
        Object layerArn = getNode().tryGetContext("runwayLayerArn");
        if (!(layerArn instanceof String arn) || arn.contains("REGION")) {
            throw new IllegalArgumentException("Set the context value runwayLayerArn to Runway's layer in this region:"
                    + " cdk deploy -c runwayLayerArn=arn:aws:lambda:REGION:ACCOUNT:layer:runway-java25:N");
        }
        Function.Builder.create(this, "Function")
                .runtime(Runtime.PROVIDED_AL2023)
                .architecture(Architecture.X86_64)
                .handler("${package}.Handler")
                .code(Code.fromAsset("../target/${artifactId}-${version}-function.zip"))
                .layers(List.of(LayerVersion.fromLayerVersionArn(this, "Runway", arn)))
                .memorySize(512)
                .timeout(Duration.seconds(10))
                .build();
    }
}
