using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Tests.Plist;

public class PlistStreamTests
{
    private static readonly PlistDictionary Sample = new() { { "Status", "Acknowledged" }, { "Data", new byte[40_000] } };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reads_seekable_and_unseekable_streams(bool seekable)
    {
        foreach (var bytes in new[] { PlistWriter.WriteXml(Sample), PlistWriter.WriteBinary(Sample) })
        {
            Stream stream = seekable ? new MemoryStream(bytes) : new TrickleStream(bytes);
            Assert.Equal(Sample, await PlistReader.ReadAsync(stream));
        }
    }

    [Fact]
    public async Task Stops_reading_an_endless_stream_at_the_size_limit()
    {
        var endless = new EndlessStream();
        var options = new PlistReaderOptions { MaxInputBytes = 100_000 };
        var error = await Assert.ThrowsAsync<PlistFormatException>(() => PlistReader.ReadAsync(endless, options).AsTask());
        Assert.Equal(100_000, error.Position);
        Assert.InRange(endless.BytesRead, 100_001, 300_000);
    }

    [Fact]
    public async Task Refuses_a_seekable_stream_longer_than_the_limit()
    {
        var stream = new MemoryStream(PlistWriter.WriteXml(Sample));
        await Assert.ThrowsAsync<PlistFormatException>(() => PlistReader.ReadAsync(stream, new PlistReaderOptions { MaxInputBytes = 1000 }).AsTask());
    }

    /// <summary>Hands out a few bytes per read and cannot seek, like a request body.</summary>
    private sealed class TrickleStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1000)], cancellationToken);
    }

    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)' ');
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
