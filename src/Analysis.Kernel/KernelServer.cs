using System.Text.Json.Nodes;
using Analysis.Kernel.Protocol;
using NetMQ;
using NetMQ.Sockets;

namespace Analysis.Kernel;

/// <summary>Answers one request; returns the reply content, or null when the request gets no reply.</summary>
public delegate JsonObject? RequestHandler(Message request);

/// <summary>
/// The five sockets of a Jupyter kernel and their loops: shell and control (router), iopub (publisher),
/// stdin (router, bound so clients can connect; cells never ask for input) and heartbeat (echo).
/// Every request is verified, wrapped in busy/idle status messages that carry it as parent, and answered on
/// the socket it came from by the thread that owns that socket (NetMQ sockets are not thread-safe).
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

    /// <summary>Binds every socket of <paramref name="connection"/>; diagnostics go to <paramref name="log"/> (stderr).</summary>
    public KernelServer(ConnectionInfo connection, TextWriter log)
    {
        this.log = log;
        signer = new MessageSigner(connection.Key);
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

    private void RequestLoop(RouterSocket socket)
    {
        List<byte[]> frames = [];
        while (!stopping.IsCancellationRequested)
        {
            if (!socket.TryReceiveMultipartBytes(PollInterval, ref frames)) continue;
            var request = Message.FromFrames(frames, signer, out var rejection);
            if (request is null)
            {
                log.WriteLine($"kernel: dropped a message on {(socket == shell ? "shell" : "control")}: {rejection}");
                continue;
            }
            var reply = Handle(socket, request);
            if (request.Type == "execute_request" && reply?["status"]?.GetValue<string>() == "error"
                && (request.Content["stop_on_error"]?.GetValue<bool>() ?? true))
                AbortQueuedExecutes(socket);
        }
    }

    /// <summary>
    /// After a failed cell whose request says stop_on_error, the execute requests already queued behind it are
    /// answered "aborted" without running (as ipykernel does), so "run all" stops at the first error, like the runner.
    /// </summary>
    private void AbortQueuedExecutes(RouterSocket socket)
    {
        List<byte[]> frames = [];
        while (socket.TryReceiveMultipartBytes(TimeSpan.Zero, ref frames)) // only what is already queued, not what the client sends after the reply
        {
            var request = Message.FromFrames(frames, signer, out var rejection);
            if (request is null) { log.WriteLine($"kernel: dropped a message on shell: {rejection}"); continue; }
            if (request.Type != "execute_request") { Handle(socket, request); continue; }
            Publish(request, "status", new JsonObject { ["execution_state"] = "busy" });
            socket.SendMultipartBytes(Message.Create(Session, "execute_reply", new JsonObject { ["status"] = "aborted" }, request).ToFrames(signer));
            Publish(request, "status", new JsonObject { ["execution_state"] = "idle" });
        }
    }

    private JsonObject? Handle(RouterSocket socket, Message request)
    {
        Publish(request, "status", new JsonObject { ["execution_state"] = "busy" });
        try
        {
            if (!handlers.TryGetValue(request.Type, out var handler))
            {
                log.WriteLine($"kernel: no handler for '{request.Type}', ignored");
                return null;
            }
            JsonObject? reply;
            try { reply = handler(request); }
            catch (Exception e)
            {
                log.WriteLine($"kernel: {request.Type} failed: {e}");
                reply = new JsonObject { ["status"] = "error", ["ename"] = e.GetType().Name, ["evalue"] = e.Message, ["traceback"] = new JsonArray() };
            }
            if (reply is not null)
                socket.SendMultipartBytes(Message.Create(Session, ReplyType(request.Type), reply, request).ToFrames(signer));
            return reply;
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
