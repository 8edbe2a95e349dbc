package dev.runway.compat.pojo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * A handler of plain classes, as mobile back ends were written: the runtime binds them, with Jackson's rules for
 * most clients and Gson's (fields, with or without getters) when the client context says Android.
 */
public class DeviceHandler implements RequestHandler<DeviceHandler.Request, DeviceHandler.Reply> {

    /** The event: public fields with setters and getters, as the managed runtime's Jackson expects them. */
    public static class Request {
        private String device;
        private int level;

        public String getDevice() {
            return device;
        }

        public void setDevice(String device) {
            this.device = device;
        }

        public int getLevel() {
            return level;
        }

        public void setLevel(int level) {
            this.level = level;
        }
    }

    /** The answer: one field with a getter, one without, a getter without a field, a null field. */
    public static class Reply {
        private final String device;
        private final int doubled;
        private final String unset = null;

        Reply(String device, int doubled) {
            this.device = device;
            this.doubled = doubled;
        }

        public String getDevice() {
            return device;
        }

        public String getSummary() {
            return device + " at " + doubled;
        }

        @Override
        public String toString() {
            return device + doubled + unset;
        }
    }

    @Override
    public Reply handleRequest(Request request, Context context) {
        return new Reply(request.getDevice(), request.getLevel() * 2);
    }
}
