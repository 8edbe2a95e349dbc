package dev.runway.ric.conformance.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.List;

/** POJO in, POJO out. */
public class PojoHandler implements RequestHandler<Greeting, Greeting> {
    @Override
    public Greeting handleRequest(Greeting in, Context context) {
        Greeting out = new Greeting();
        out.setName(in.isLoud() ? in.getName().toUpperCase() : in.getName());
        out.setTimes(in.getTimes() + 1);
        out.setLoud(in.isLoud());
        List<String> tags = new ArrayList<>(in.getTags() == null ? List.of() : in.getTags());
        tags.add("seen");
        out.setTags(tags);
        return out;
    }
}
