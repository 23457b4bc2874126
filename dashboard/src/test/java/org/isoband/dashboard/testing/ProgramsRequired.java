package org.isoband.dashboard.testing;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

/**
 * For test classes that start their programs (a broker, a browser, a database server) once in {@code @BeforeAll}:
 * a skip there ({@link Programs#require}: the program is not installed) is handed to each test, so that Maven
 * reports every one of them as skipped. Aborted in {@code @BeforeAll}, the class would be reported as "Tests run:
 * 0, Skipped: 0", and the missing program would go unnoticed in a green build.
 */
public final class ProgramsRequired implements InvocationInterceptor, BeforeEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ProgramsRequired.class);

    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                         ExtensionContext context) throws Throwable {
        try {
            invocation.proceed();
        } catch (TestAbortedException skipped) {
            context.getStore(NAMESPACE).put("skipped", skipped);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TestAbortedException skipped = context.getStore(NAMESPACE).get("skipped", TestAbortedException.class);
        if (skipped != null) {
            throw new TestAbortedException(skipped.getMessage());
        }
    }
}
