package org.isoband.gateway.display;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

/**
 * The screen in a Swing window, windowed or full screen, for a Pi with a desktop. Keys as in
 * {@link DisplayControls}; a press of the mouse or a finger (the official touchscreen arrives as pointer
 * events under X11 and Wayland) goes to the control under it.
 */
public final class SwingScreen implements Display {
    private final CoachScreen screen;
    private final AtomicReference<ScreenModel> latest = new AtomicReference<>();
    private final JFrame frame;
    private final Canvas canvas;
    private final ScreenTaps taps;

    public SwingScreen(CoachScreen screen, boolean fullScreen, DisplayControls controls) {
        if (GraphicsEnvironment.isHeadless()) {
            throw new IllegalStateException("no display: the JVM is headless");
        }
        this.screen = screen;
        this.taps = new ScreenTaps(screen, controls);
        this.canvas = new Canvas();
        this.frame = new JFrame("isoband");
        AtomicReference<JFrame> built = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                frame.setDefaultCloseOperation(JFrame.DO_NOTHING_ON_CLOSE);
                frame.addWindowListener(new WindowAdapter() {
                    @Override
                    public void windowClosing(WindowEvent e) {
                        controls.quit().run();
                    }
                });
                frame.addKeyListener(new KeyAdapter() {
                    @Override
                    public void keyPressed(KeyEvent e) {
                        switch (e.getKeyCode()) {
                            case KeyEvent.VK_RIGHT -> controls.key('s');
                            case KeyEvent.VK_ESCAPE -> controls.key((char) 27);
                            default -> controls.key(e.getKeyChar());
                        }
                    }
                });
                canvas.addMouseListener(new java.awt.event.MouseAdapter() {
                    @Override
                    public void mousePressed(java.awt.event.MouseEvent e) {
                        taps.tap(e.getX(), e.getY(), System.nanoTime());
                    }
                });
                frame.setUndecorated(fullScreen);
                frame.add(canvas);
                frame.pack();
                if (fullScreen) {
                    frame.setExtendedState(JFrame.MAXIMIZED_BOTH);
                }
                frame.setVisible(true);
                built.set(frame);
            });
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the window: " + e.getMessage(), e);
        }
    }

    private final class Canvas extends JComponent {
        Canvas() {
            setPreferredSize(new Dimension(screen.layout().width(), screen.layout().height()));
        }

        @Override
        protected void paintComponent(Graphics g) {
            ScreenModel model = latest.get();
            if (model != null) {
                screen.render(model, (Graphics2D) g);
                taps.shown(model, System.nanoTime());
            }
        }
    }

    @Override
    public void show(ScreenModel model) {
        latest.set(model);
        canvas.repaint();
    }

    @Override
    public boolean takesInput() {
        return true;
    }

    @Override
    public String describe() {
        return "window " + screen.layout().width() + "x" + screen.layout().height();
    }

    @Override
    public void close() {
        SwingUtilities.invokeLater(frame::dispose);
    }
}
