using System.Text.Json.Nodes;
using Analysis.Kernel.Protocol;
using NetMQ;
using NetMQ.Sockets;

namespace Analysis.Kernel;

/// <summary>Answers one request; returns the reply content, or null when the request gets no reply.</summary>
public delegate JsonObject? RequestHandler(Message request);

/// <summary>What the kernel accepts from clients.</summary>
public sealed record KernelLimits
{
    /// <summary>
    /// The largest message (all frames together) a client may send: a frame past it disconnects the sender before
    /// its bytes are stored (ZeroMQ's max message size), and a message of many smaller frames past it is read and dropped.
    /// 64 MiB is far above any cell's code; the kernel accepts no widget buffers.
    /// </summary>
    public long MaxMessageBytes { get; init; } = 64L << 20;

    /// <summary>The most frames one message may have (routing identities, the seven protocol frames, buffers).</summary>
    public int MaxFrames { get; init; } = 1024;

    /// <summary>How many accepted signatures are remembered to reject replays.</summary>
    public int SignatureHistory { get; init; } = Protocol.SignatureHistory.DefaultCapacity;
}

/// <summary>
/// The five sockets of a Jupyter kernel and their loops: shell and control (router), iopub (publisher),
/// stdin (router, bound so clients can connect; cells never ask for input) and heartbeat (echo).
/// Every request is verified, wrapped in busy/idle status messages that carry it as parent, and answered on
/// the socket it came from by the thread that owns that socket (NetMQ sockets are not thread-safe).
/// Nothing a client sends stops the loops: over-large, malformed, wrongly signed and replayed messages are dropped
/// and logged, and a handler's exception becomes an error reply. Output is never dropped: iopub has no high-water mark.
/// </summary>
public sealed class KernelServer : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly MessageSigner signer;
    private readonly RouterSocket shell = new(), control = new(), stdin = new();
    private readonly PublisherSocket iopub = new();
    private readonly ResponseSocket heartbeat = new();
    private readonly Lock iopubLock = new();
    private readonly Dictionary<string, RequestHandler> handlers = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly TextWriter log;
    private readonly KernelLimits limits;
    private readonly SignatureHistory history;
    /// <summary>Shell requests that arrived while a cell ran, answered in order after it.</summary>
    private readonly Queue<Message> deferred = new();
    private Thread? shellThread;

    /// <summary>Binds every socket of <paramref name="connection"/>; diagnostics go to <paramref name="log"/> (stderr).</summary>
    public KernelServer(ConnectionInfo connection, TextWriter log, KernelLimits? limits = null)
    {
        this.log = log;
        this.limits = limits ?? new KernelLimits();
        signer = new MessageSigner(connection.Key);
        history = new SignatureHistory(this.limits.SignatureHistory);
        foreach (var socket in new[] { shell, control, stdin })
            socket.Options.MaxMsgSize = this.limits.MaxMessageBytes;
        // A publisher drops messages past its high-water mark (1,000 by default); 0 means no limit. Stream output is
        // coalesced before it gets here, so the queue stays short; the execute result and idle status are never lost.
        iopub.Options.SendHighWatermark = 0;
        shell.Bind(connection.Address(connection.ShellPort));
        control.Bind(connection.Address(connection.ControlPort));
        stdin.Bind(connection.Address(connection.StdinPort));
        iopub.Bind(connection.Address(connection.IopubPort));
        heartbeat.Bind(connection.Address(connection.HeartbeatPort));
    }

    /// <summary>This kernel's session id, stamped on every message it sends.</summary>
    public string Session { get; } = Guid.NewGuid().ToString();

    /// <summary>Signalled when the kernel is asked to stop (shutdown request, lost parent).</summary>
    public CancellationToken Stopping => stopping.Token;

    /// <summary>Registers the handler of one request type (e.g. <c>kernel_info_request</c>).</summary>
    public void On(string requestType, RequestHandler handler) => handlers[requestType] = handler;

    /// <summary>The handler registered for <paramref name="requestType"/>, or null.</summary>
    public RequestHandler? Handler(string requestType) => handlers.GetValueOrDefault(requestType);

    /// <summary>Publishes a message on iopub with <paramref name="parent"/> as its parent; safe from any thread.</summary>
    public void Publish(Message? parent, string type, JsonObject content)
    {
        var message = Message.Create(Session, type, content, parent, [System.Text.Encoding.UTF8.GetBytes(type)]);
        var frames = message.ToFrames(signer);
        lock (iopubLock) iopub.SendMultipartBytes(frames);
    }

    /// <summary>Runs the heartbeat and control loops on their own threads and the shell loop on this one, until stopped.</summary>
    public void Run()
    {
        var heartbeatThread = StartThread("heartbeat", HeartbeatLoop);
        var controlThread = StartThread("control", () => RequestLoop(control));
        Publish(null, "status", new JsonObject { ["execution_state"] = "starting" });
        shellThread = Thread.CurrentThread;
        RequestLoop(shell);
        // The sockets are disposed after this returns: their loops must have let go of them.
        heartbeatThread.Join();
        controlThread.Join();
    }

    /// <summary>Asks every loop to end; <see cref="Run"/> returns soon after.</summary>
    public void Stop(string reason)
    {
        log.WriteLine($"kernel: stopping ({reason})");
        stopping.Cancel();
    }

    private static Thread StartThread(string name, Action loop)
    {
        var thread = new Thread(() => loop()) { IsBackground = true, Name = $"kernel-{name}" };
        thread.Start();
        return thread;
    }

    private void HeartbeatLoop()
    {
        while (!stopping.IsCancellationRequested)
            if (heartbeat.TryReceiveFrameBytes(PollInterval, out var ping))
                heartbeat.SendFrame(ping);
    }

    /// <summary>
    /// Waits for <paramref name="work"/> (a running cell). On the shell thread it goes on reading shell meanwhile:
    /// an interrupt_request is answered at once (VS Code sends it on shell, the spec on control), anything else
    /// waits its turn after the cell, in order.
    /// </summary>
    public void Wait(Task work)
    {
        // The wait handle does not throw: the caller observes the task's outcome itself.
        var done = ((IAsyncResult)work).AsyncWaitHandle;
        if (Thread.CurrentThread != shellThread) { done.WaitOne(); return; }
        while (!done.WaitOne(InterruptPoll))
            while (TryReceive(shell, TimeSpan.Zero, out var request))
            {
                if (request is null) continue;
                if (request.Type == "interrupt_request") Serve(shell, request);
                else deferred.Enqueue(request);
            }
    }

    private static readonly TimeSpan InterruptPoll = TimeSpan.FromMilliseconds(20);

    private void RequestLoop(RouterSocket socket)
    {
        while (!stopping.IsCancellationRequested)
        {
            Message? request;
            try
            {
                if (socket == shell && deferred.TryDequeue(out var queued)) request = queued;
                else if (!TryReceive(socket, PollInterval, out request) || request is null) continue;
            }
            catch (Exception e) when (e is not ObjectDisposedException and not TerminatingException)
            {
                log.WriteLine($"kernel: could not read a message on {Name(socket)}: {e}"); // never ends the loop
                continue;
            }
            Serve(socket, request);
        }
    }

    /// <summary>Answers one request; a failure is logged, never allowed to end the loop.</summary>
    private void Serve(RouterSocket socket, Message request)
    {
        try
        {
            Handle(socket, request);
        }
        catch (Exception e)
        {
            log.WriteLine($"kernel: {request.Type} on {Name(socket)} failed: {e}");
        }
    }

    /// <summary>
    /// Reads one message within <paramref name="timeout"/>: false when none came. A message that came but is
    /// refused (too large, malformed, wrongly signed, replayed) gives true with a null request, and is logged.
    /// </summary>
    private bool TryReceive(RouterSocket socket, TimeSpan timeout, out Message? request)
    {
        request = null;
        if (!socket.TryReceiveFrameBytes(timeout, out var frame, out var more)) return false;
        List<byte[]> frames = [frame];
        long size = frame.Length;
        var tooLarge = false;
        while (more)
        {
            // The rest of a multipart message is already here (ZeroMQ delivers messages whole).
            frame = socket.ReceiveFrameBytes(out more);
            size += frame.Length;
            if (tooLarge) continue;
            if (size > limits.MaxMessageBytes || frames.Count >= limits.MaxFrames) { tooLarge = true; frames.Clear(); continue; }
            frames.Add(frame);
        }
        string? rejection;
        if (tooLarge) rejection = $"message too large (over {limits.MaxMessageBytes} bytes or {limits.MaxFrames} frames)";
        else request = Message.FromFrames(frames, signer, out rejection, history);
        if (request is null) log.WriteLine($"kernel: dropped a message on {Name(socket)}: {rejection}");
        return true;
    }

    private string Name(RouterSocket socket) => socket == shell ? "shell" : socket == control ? "control" : "stdin";

    /// <summary>
    /// After a failed cell whose request says stop_on_error, the execute requests already queued behind it are
    /// answered "aborted" without running (as ipykernel does), so "run all" stops at the first error, like the runner.
    /// </summary>
    private void AbortQueuedExecutes(RouterSocket socket)
    {
        List<Message> queued = [];
        if (socket == shell) while (deferred.TryDequeue(out var m)) queued.Add(m);
        // Only what is already queued, not what the client sends after the reply.
        while (TryReceive(socket, TimeSpan.Zero, out var request))
            if (request is not null) queued.Add(request);
        foreach (var request in queued)
        {
            if (request.Type != "execute_request") { Serve(socket, request); continue; }
            Publish(request, "status", new JsonObject { ["execution_state"] = "busy" });
            socket.SendMultipartBytes(Message.Create(Session, "execute_reply", new JsonObject { ["status"] = "aborted" }, request).ToFrames(signer));
            Publish(request, "status", new JsonObject { ["execution_state"] = "idle" });
        }
    }

    private void Handle(RouterSocket socket, Message request)
    {
        Publish(request, "status", new JsonObject { ["execution_state"] = "busy" });
        try
        {
            if (!handlers.TryGetValue(request.Type, out var handler))
            {
                log.WriteLine($"kernel: no handler for '{request.Type}', ignored");
                return;
            }
            JsonObject? reply;
            try { reply = handler(request); }
            catch (Exception e)
            {
                // E.g. a field of the wrong JSON type: the client gets an error reply, the kernel goes on.
                log.WriteLine($"kernel: {request.Type} failed: {e}");
                reply = new JsonObject { ["status"] = "error", ["ename"] = e.GetType().Name, ["evalue"] = e.Message, ["traceback"] = new JsonArray() };
            }
            if (reply is not null)
                socket.SendMultipartBytes(Message.Create(Session, ReplyType(request.Type), reply, request).ToFrames(signer));
            // Before this request's idle status: a client that sends its next cell on seeing idle must not see it aborted.
            if (request.Type == "execute_request" && reply is not null && Message.String(reply, "status") == "error"
                && (Message.Bool(request.Content, "stop_on_error") ?? true))
                AbortQueuedExecutes(socket);
        }
        finally
        {
            Publish(request, "status", new JsonObject { ["execution_state"] = "idle" });
        }
    }

    private static string ReplyType(string requestType) =>
        requestType.EndsWith("_request", StringComparison.Ordinal) ? requestType[..^"_request".Length] + "_reply" : requestType + "_reply";

    public void Dispose()
    {
        foreach (var socket in new NetMQSocket[] { shell, control, stdin, iopub, heartbeat })
        {
            socket.Options.Linger = TimeSpan.FromMilliseconds(500);
            socket.Dispose();
        }
        NetMQConfig.Cleanup(block: false);
        stopping.Dispose();
    }
}
