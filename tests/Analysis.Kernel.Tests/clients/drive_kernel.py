"""Drives the kernel with Debian's jupyter_client, a client this project did not write.

usage: drive_kernel.py KERNEL_NAME < script.json   (JUPYTER_PATH must point at the kernelspec's share/jupyter)
       drive_kernel.py KERNEL_NAME --start-and-wait PID_FILE  (writes the kernel's pid there and sleeps: the test kills this client)

script.json is a list of steps, run in order; one JSON result per step is printed as a list:
  {"execute": CODE, "timeout": S, "interrupt_after": S, "interrupt_on": "control" | "shell"}
                                                            -> {"reply": content, "outputs": [{"msg_type", "content"}], "seconds",
                                                                "interrupt_reply": content (shell interrupts)}
  {"execute_queued": [CODE, ...]}  (all sent before any reply is read) -> {"replies": [content, ...]}
  {"kernel_info": true} / {"is_complete": CODE} / {"complete": CODE, "cursor_pos": N} / {"inspect": CODE, "cursor_pos": N}
  {"comm_info": true} / {"history": true}                 -> {"reply": content}
  {"restart": true}                                         -> {"old_pid", "new_pid"}
  {"shutdown": true}                                        -> {"pid", "alive_after": bool}
  {"forged_execute": CODE}                                  -> {"reply": null or content}   (signed with a wrong key)
  {"stderr": true}                                          -> {"text": the kernel's stderr so far}
  {"rss": true}                                             -> {"rss_mb": the kernel process's resident memory}
Request steps also report "seconds" from sending the request to its idle status.
"""
import json
import os
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager
from jupyter_client.session import Session


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie still answers kill(0): look at its state
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def wait_gone(pid, seconds):
    end = time.time() + seconds
    while time.time() < end:
        if not alive(pid):
            return True
        time.sleep(0.1)
    return False


def drain(kc, msg_id, timeout):
    """iopub messages whose parent is msg_id, until the kernel reports idle for it."""
    outputs = []
    end = time.time() + timeout
    while time.time() < end:
        try:
            msg = kc.get_iopub_msg(timeout=max(0.1, end - time.time()))
        except Exception:
            break
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status":
            if msg["content"]["execution_state"] == "idle":
                return outputs, True
            continue
        outputs.append({"msg_type": msg["msg_type"], "content": msg["content"]})
    return outputs, False


other_replies = {}  # shell replies read while waiting for another one (an interrupt's comes before its cell's)


def shell_reply(kc, msg_id, timeout):
    if msg_id in other_replies:
        return other_replies.pop(msg_id)
    end = time.time() + timeout
    while time.time() < end:
        try:
            reply = kc.get_shell_msg(timeout=max(0.1, end - time.time()))
        except Exception:
            return None
        parent = reply["parent_header"].get("msg_id")
        if parent == msg_id:
            return reply["content"]
        other_replies[parent] = reply["content"]
    return None


def request(kc, msg_id, timeout=30, started=None):
    started = started or time.time()
    reply = shell_reply(kc, msg_id, timeout)
    outputs, idle = drain(kc, msg_id, timeout)
    return {"reply": reply, "outputs": outputs, "idle": idle, "seconds": time.time() - started}


def rss_mb(pid):
    """Resident memory of the kernel and its children (a kernel started through a launcher runs in a child)."""
    total = 0
    pids = [pid]
    while pids:
        p = pids.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))
            with open(f"/proc/{p}/task/{p}/children") as f:
                pids.extend(int(c) for c in f.read().split())
        except (OSError, StopIteration):
            pass
    return total / 1024


def start(name, stderr_path):
    km = KernelManager(kernel_name=name)
    log = open(stderr_path, "w")
    # The kernel's stdout goes to the log too: this script's stdout carries only its JSON (.NET Interactive logs on stdout).
    km.start_kernel(stdout=log, stderr=log)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    return km, kc


def main():
    name = sys.argv[1]
    stderr_path = tempfile.mktemp(suffix=".kernel.log")
    if "--start-and-wait" in sys.argv:
        km, kc = start(name, stderr_path)
        with open(sys.argv[3] + ".tmp", "w") as f:
            f.write(str(km.provisioner.pid))
        os.rename(sys.argv[3] + ".tmp", sys.argv[3])
        time.sleep(3600)
        return
    steps = json.load(sys.stdin)
    t0 = time.time()
    km, kc = start(name, stderr_path)
    results = []
    first_result_seconds = None
    for step in steps:
        if "execute" in step:
            timeout = step.get("timeout", 60)
            started = time.time()
            msg_id = kc.execute(step["execute"], allow_stdin=False)
            interrupt_id = None
            if "interrupt_after" in step:
                time.sleep(step["interrupt_after"])
                if step.get("interrupt_on") == "shell":
                    # What VS Code's Jupyter extension does when kernel.json says interrupt_mode: message.
                    msg = kc.session.msg("interrupt_request", {})
                    kc.shell_channel.send(msg)
                    interrupt_id = msg["header"]["msg_id"]
                else:
                    km.interrupt_kernel()
            result = request(kc, msg_id, timeout)
            if interrupt_id is not None:
                result["interrupt_reply"] = shell_reply(kc, interrupt_id, 5)
            result["seconds"] = time.time() - started
            if first_result_seconds is None:
                first_result_seconds = time.time() - t0
            results.append(result)
        elif "execute_queued" in step:
            ids = [kc.execute(code, allow_stdin=False) for code in step["execute_queued"]]
            results.append({"replies": [request(kc, msg_id)["reply"] for msg_id in ids]})
        elif "kernel_info" in step:
            results.append(request(kc, kc.kernel_info()))
        elif "is_complete" in step:
            results.append(request(kc, kc.is_complete(step["is_complete"])))
        elif "complete" in step:
            started = time.time()
            results.append(request(kc, kc.complete(step["complete"], step.get("cursor_pos")), started=started))
        elif "inspect" in step:
            results.append(request(kc, kc.inspect(step["inspect"], step.get("cursor_pos"))))
        elif "comm_info" in step:
            results.append(request(kc, kc.comm_info()))
        elif "history" in step:
            results.append(request(kc, kc.history()))
        elif "restart" in step:
            old = km.provisioner.pid
            km.restart_kernel(now=False)
            kc.stop_channels()
            kc = km.client()
            kc.start_channels()
            kc.wait_for_ready(timeout=60)
            results.append({"old_pid": old, "new_pid": km.provisioner.pid, "old_alive": alive(old)})
        elif "shutdown" in step:
            pid = km.provisioner.pid
            kc.shutdown()
            exited = wait_gone(pid, 10)
            results.append({"pid": pid, "alive_after": not exited, "exited_by_itself": exited})
            km.shutdown_kernel(now=True)
        elif "forged_execute" in step:
            forger = Session(key=b"not-the-key", username="forger")
            msg = forger.msg("execute_request", {"code": step["forged_execute"], "silent": False, "store_history": True,
                                                 "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
            forger.send(kc.shell_channel.socket, msg)
            results.append({"reply": shell_reply(kc, msg["header"]["msg_id"], step.get("timeout", 3))})
        elif "rss" in step:
            results.append({"rss_mb": rss_mb(km.provisioner.pid)})
        elif "stderr" in step:
            time.sleep(0.3)
            with open(stderr_path) as f:
                results.append({"text": f.read()})
    cpu = None
    if km.is_alive():
        with open(f"/proc/{km.provisioner.pid}/stat") as f:
            fields = f.read().split(")")[-1].split()
        cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    print(json.dumps({"results": results, "first_result_seconds": first_result_seconds, "kernel_cpu_seconds": cpu}))


main()
