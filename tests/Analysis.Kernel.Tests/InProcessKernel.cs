using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Analysis.Kernel.Protocol;
using Analysis.Notebooks.Engine;
using NetMQ;
using NetMQ.Sockets;

namespace Analysis.Kernel.Tests;

/// <summary>
/// A kernel server in this process with the real request handlers, driven over real ZeroMQ sockets by a raw client
/// (a DEALER on shell, as jupyter_client uses), so tests can send frames no well-behaved client would.
/// </summary>
public sealed class InProcessKernel : IDisposable
{
    public const string Key = "wire-test-key";

    private readonly KernelServer server;
    private readonly NotebookSession session;
    private readonly Thread thread;
    private readonly StringWriter logText = new();
    private readonly List<DealerSocket> clients = [];
    private int executed;

    public InProcessKernel(KernelLimits? limits = null)
    {
        var ports = FreePorts(5);
        Connection = new ConnectionInfo
        {
            ShellPort = ports[0], ControlPort = ports[1], IopubPort = ports[2], StdinPort = ports[3], HeartbeatPort = ports[4], Key = Key,
        };
        server = new KernelServer(Connection, TextWriter.Synchronized(logText), limits);
        session = new NotebookSession(new SessionOptions { WorkingDirectory = Path.GetTempPath() });
        JupyterKernel.RegisterCommon(server);
        new CellRequests(server, session).Register();
        // Counts execute requests that reach a handler, in front of the real one.
        var execute = server.Handler("execute_request")!;
        server.On("execute_request", r => { Interlocked.Increment(ref executed); return execute(r); });
        thread = new Thread(server.Run) { IsBackground = true, Name = "in-process-kernel" };
        thread.Start();
        Shell = Connect();
    }

    public ConnectionInfo Connection { get; }

    public MessageSigner Signer { get; } = new(Key);

    /// <summary>A client connected to shell.</summary>
    public DealerSocket Shell { get; private set; }

    /// <summary>How many execute requests reached the execute handler.</summary>
    public int Executed => Volatile.Read(ref executed);

    /// <summary>What the kernel logged (dropped messages, failed handlers).</summary>
    public string Log => logText.ToString();

    public bool Running => thread.IsAlive;

    /// <summary>A new shell client (a peer the kernel disconnected stays disconnected).</summary>
    public DealerSocket Connect()
    {
        var socket = new DealerSocket();
        socket.Options.Identity = Encoding.ASCII.GetBytes(Guid.NewGuid().ToString("N"));
        socket.Connect(Connection.Address(Connection.ShellPort));
        clients.Add(socket);
        return Shell = socket;
    }

    /// <summary>The frames of a validly signed request, as a DEALER sends them (no routing identities).</summary>
    public List<byte[]> Frames(string type, JsonObject content) =>
        Message.Create("test-client", type, content, null).ToFrames(Signer);

    /// <summary>Sends a request and returns its reply, or null when none comes within <paramref name="timeout"/>.</summary>
    public Message? Request(string type, JsonObject content, TimeSpan? timeout = null)
    {
        var frames = Frames(type, content);
        var id = Message.FromFrames(frames, new MessageSigner(Key), out _)!.Id;
        Shell.SendMultipartBytes(frames);
        return Reply(id, timeout ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>The reply to request <paramref name="id"/>, skipping others.</summary>
    public Message? Reply(string id, TimeSpan timeout)
    {
        var end = DateTime.UtcNow + timeout;
        List<byte[]> frames = [];
        while (DateTime.UtcNow < end)
        {
            if (!Shell.TryReceiveMultipartBytes(end - DateTime.UtcNow, ref frames)) return null;
            var reply = Message.FromFrames(frames, Signer, out _);
            if (reply is not null && Message.String(reply.ParentHeader, "msg_id") == id) return reply;
        }
        return null;
    }

    /// <summary>True when the kernel still answers kernel_info (on a new connection when <paramref name="reconnect"/>).</summary>
    public bool Answers(bool reconnect = false)
    {
        if (reconnect) Connect();
        return Request("kernel_info_request", [], TimeSpan.FromSeconds(10))?.Type == "kernel_info_reply";
    }

    public void Dispose()
    {
        server.Stop("test over");
        thread.Join(TimeSpan.FromSeconds(10));
        foreach (var socket in clients)
        {
            socket.Options.Linger = TimeSpan.Zero;
            socket.Dispose();
        }
        server.Dispose();
        session.Dispose();
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
